import type { SyntaxNode, Tree } from './loader.js';
import { withPythonTree } from './loader.js';
import { Extractor } from './reads.js';
import { staticString } from './strings.js';
import { collect } from './syntax.js';
import type { PythonModuleFacts, PythonSecretRead } from './types.js';

/** String literals longer than this are prose or data, not names. */
const MAX_STRING = 256;

function importedModules(nodes: Map<string, SyntaxNode[]>): string[] {
  const modules = new Set<string>();
  for (const node of nodes.get('import_statement') ?? []) {
    for (const child of node.childrenForFieldName('name')) {
      const dotted = child.type === 'aliased_import' ? child.childForFieldName('name') : child;
      const top = dotted?.text.split('.')[0];
      if (top) modules.add(top);
    }
  }
  for (const node of nodes.get('import_from_statement') ?? []) {
    const module = node.childForFieldName('module_name');
    if (module && module.type !== 'relative_import') modules.add(module.text.split('.')[0]!);
  }
  return [...modules];
}

function staticStrings(nodes: Map<string, SyntaxNode[]>): string[] {
  const out = new Set<string>();
  for (const node of nodes.get('string') ?? []) {
    if (node.endIndex - node.startIndex > MAX_STRING) continue;
    const value = staticString(node);
    if (value) out.add(value);
  }
  return [...out];
}

/** Reads, imports and string literals of one parsed module (the tree stays owned by the caller). */
export function pythonFactsFromTree(tree: Tree): PythonModuleFacts {
  const nodes = collect(tree);
  const extractor = new Extractor(nodes);
  extractor.run();
  return {
    reads: extractor.reads,
    imports: importedModules(nodes),
    strings: staticStrings(nodes),
    hasSyntaxErrors: tree.rootNode.hasError,
    passesWholeEnvironment: extractor.passesWholeEnvironment,
    passesWholeSecrets: extractor.passesWholeSecrets,
  };
}

/**
 * Parses `source` and returns what it reads, imports and spells out as strings. With `keepTree`, the tree is kept
 * for the flow rules, which analyse the same file next (see `takePythonTree`).
 */
export function pythonModuleFacts(source: string, options: { keepTree?: boolean } = {}): Promise<PythonModuleFacts> {
  return withPythonTree(source, pythonFactsFromTree, options.keepTree);
}

/**
 * Where Python code reads a secret: environment variables (`os.environ[...]`, `.get`, `os.getenv`),
 * the Truss secrets mapping (`self._secrets["name"]`), secret files (`/secrets/<name>`) and Cog `Secret`
 * parameters. Names come from string literals or module constants bound to one.
 */
export async function pythonSecretReads(source: string): Promise<PythonSecretRead[]> {
  return (await pythonModuleFacts(source)).reads;
}
