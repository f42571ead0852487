import {
  type Finding,
  type FlowStep,
  LineIndex,
  NameClassifier,
  type NameVocabulary,
  catalogDocument,
  defaultUrlClassifier,
  fingerprint,
} from '@secret-hygiene/core';
import { pythonParser, takePythonTree } from '../loader.js';
import { analyseModule } from './analyse.js';
import { type PythonFlowExtras, pythonFlowTables, requestCredentialsPattern, sourceCallWords } from './catalog.js';
import { type Analysis, Env } from './context.js';
import { ImportMap } from './imports.js';
import { ModuleLoader } from './modules.js';
import { type PythonResult, ResultSet } from './report.js';
import { copyTree } from './tree.js';
import type { Step } from './values.js';

export interface PythonFlowOptions extends PythonFlowExtras {
  /** Environment variables a config file declares as secrets (`inf.yml`), whatever their names look like. */
  extraSecretEnv?: readonly string[];
  /** The directory relative file paths are relative to, where imported helper modules are read (default: the working directory). */
  root?: string;
}

/** Calls into functions of the file that one file may follow before it stops (keeps odd files linear). */
const INLINE_BUDGET = 2_000;

/**
 * Nothing in a file without one of these can be a source or a plain-HTTP URL, so such files are not parsed: most
 * of a large repository's Python never mentions a secret. Every secret name of rules/names.yaml contains one (a
 * qualified `key` or `pat` has a word character before it; tested against the vocabulary), as do the environment,
 * secrets paths and mappings, `Secret` types and URLs; `jwt` and `hmac` take a key, `.login(` a password
 * (credential-arguments.ts).
 */
const WORTH_PARSING = /secret|token|pass(?:w|phrase|code)|[a-z0-9]_?pass(?![a-z])|pwd|cred|\wkey|\wpat\b|auth|dsn|cookie|environ|getenv|jwt|hmac|\.login\(|\.pass_\(|simple_bind|[a-z]+:\/\//i;

/**
 * A configuration imported from a module (`from app.conf import HEADERS`, `from . import settings`), which may carry
 * a secret the module read (expressions.ts, `importedConstant`). Django's `settings` object is left out: its module
 * is never in the repository.
 */
const IMPORTS_CONFIGURATION = /^[ \t]*from[ \t]+(?!django\b)[\w.]+[ \t]+import[ \t][^\n]*?(?:config|settings|headers|CONFIG|SETTINGS|HEADERS)/m;

/** The secret environment names without a secret word in them (`DATABASE_URL`), from rules/names.yaml, and the
 * catalog's calls that return a secret (`getpass`, `dotenv_values`). */
let wordlessSources: RegExp | undefined;

function sourcesWithoutHint(): RegExp {
  if (!wordlessSources) {
    const names = catalogDocument<NameVocabulary>('names').secretEnvNames.filter((name) => !WORTH_PARSING.test(name));
    const calls = sourceCallWords().filter((word) => !WORTH_PARSING.test(word));
    const words = [...names, ...calls.map((word) => `\\b${word}\\b`)];
    wordlessSources = words.length > 0 ? new RegExp(words.join('|')) : /$^/;
  }
  return wordlessSources;
}

/** Node types gathered during the copy, so finding them costs no second walk. */
const COLLECTED = new Map([['import_statement', 'import'], ['import_from_statement', 'import']]);

/** Whether a file can hold a finding of the flow rules at all (cheap, textual): the others are never parsed. */
export function worthParsing(text: string, options: PythonFlowOptions = {}): boolean {
  return WORTH_PARSING.test(text) || sourcesWithoutHint().test(text) || requestCredentialsPattern().test(text) || IMPORTS_CONFIGURATION.test(text) || (options.extraSecretTypes?.some((type) => text.includes(type)) ?? false);
}

const classifiers = new Map<string, NameClassifier>();

function classifierFor(extra: readonly string[]): NameClassifier {
  const key = [...extra].sort().join(',');
  let classifier = classifiers.get(key);
  if (!classifier) {
    classifier = new NameClassifier(catalogDocument<NameVocabulary>('names'), extra);
    if (classifiers.size > 16) classifiers.clear();
    classifiers.set(key, classifier);
  }
  return classifier;
}

/**
 * Secret flows in one Python file (Cog predictors, Truss models, inference.sh apps): secrets reaching logs, error
 * messages, model outputs and plain-HTTP requests, and Cog inputs that publish or expose a secret. Calls into
 * helper modules of the repository are followed (read from disk, relative to `root`). Bad syntax
 * never throws: tree-sitter recovers and the rest of the file is still analysed.
 */
export async function pythonFindings(file: string, text: string, options: PythonFlowOptions = {}): Promise<Finding[]> {
  if (!worthParsing(text, options)) return [];
  const parser = await pythonParser();
  const results = new ResultSet();
  const names = classifierFor(options.extraSecretEnv ?? []);
  const tables = pythonFlowTables(options);
  const fresh = (path: string, source: string): Analysis => ({
    file: path,
    text: source,
    modules: loader,
    tables,
    names,
    urls: defaultUrlClassifier(),
    imports: new ImportMap(),
    module: new Env(),
    functions: new Map(),
    classes: new Map(),
    methodOwner: new Map(),
    routes: new Set(),
    staticMethods: new Set(),
    results,
    inlining: new Set(),
    inlined: new Map(),
    analysed: new Set(),
    budget: INLINE_BUDGET,
  });
  const loader = new ModuleLoader(parser, fresh, options.root);
  const tree = takePythonTree(text) ?? parser.parse(text);
  if (!tree) throw new Error('the Python parser returned no tree');
  let plainResults: PlainResult[];
  try {
    const { root, collected } = copyTree(tree, file, text, COLLECTED);
    analyseModule(fresh(file, text), root, collected.get('import') ?? []);
    plainResults = results.list().map(plain);
  } finally {
    tree.delete();
    loader.close();
  }
  const texts = loader.texts();
  texts.set(file, text);
  const lines = new Map<string, LineIndex>();
  const lineIndex = (path: string): LineIndex => {
    let index = lines.get(path);
    if (!index) lines.set(path, (index = new LineIndex(texts.get(path) ?? '')));
    return index;
  };
  const occurrences = new Map<string, number>();
  return plainResults.map((r) => toFinding(r, texts.get(r.file) ?? '', lineIndex, occurrences));
}

/** Offsets instead of nodes: the nodes do not outlive the tree. */
interface PlainResult extends Omit<PythonResult, 'node'> {
  file: string;
  start: number;
  end: number;
}

function plain(r: PythonResult): PlainResult {
  const { node, ...rest } = r;
  return { ...rest, file: node.file, start: node.startIndex, end: node.endIndex };
}

function toFinding(r: PlainResult, text: string, lineIndex: (file: string) => LineIndex, occurrences: Map<string, number>): Finding {
  const lines = lineIndex(r.file);
  const start = lines.position(r.start);
  const end = lines.position(r.end);
  const snippet = text.slice(r.start, Math.min(r.end, r.start + 500));
  const key = `${r.ruleId}\0${r.file}\0${snippet}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  const flow: FlowStep[] = r.steps.map((step: Step) => {
    const p = lineIndex(step.file).position(step.at);
    return { file: step.file, line: p.line, column: p.column, note: step.note };
  });
  const finding: Finding = {
    ruleId: r.ruleId,
    severity: r.severity,
    message: r.message,
    file: r.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    evidence: r.evidence,
    fingerprint: fingerprint({ ruleId: r.ruleId, file: r.file, snippet, occurrence }),
  };
  if (flow.length > 0) finding.flow = flow;
  return finding;
}
