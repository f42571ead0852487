import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis, Frame } from './context.js';
import { safeLabel } from './report.js';
import { type Parameter, literalContent, normaliseAnnotation } from './syntax.js';
import { type Taint, stepAt } from './values.js';

/** `os.environ["HF_TOKEN"] = token` in an async entry point: concurrent predictions share the process environment. */
export function warnEnvironWrite(a: Analysis, f: Frame, node: SyntaxNode, taint: Taint): void {
  if (!f.reporting || !f.entry || !f.isAsync) return;
  a.results.add({
    ruleId: 'no-secret-in-output',
    severity: 'warning',
    message: `The secret from ${safeLabel(taint.label)} is written to os.environ inside the async ${f.entry.name}: concurrent predictions share the environment, so another caller's prediction can read it. Pass it to the client directly.`,
    node,
    evidence: 'os.environ[…] = …',
    steps: [...taint.steps, stepAt(node, 'written to the shared environment here')],
  });
}

export type SecretAnnotation = 'Secret' | 'Optional[Secret]' | 'list[Secret]' | 'str';

/** How a parameter's annotation relates to secrets: a Secret, an optional one, a list of them, or a plain `str`. */
export function secretAnnotation(a: Analysis, annotation: string | undefined): SecretAnnotation | undefined {
  if (annotation === undefined) return undefined;
  const t = normaliseAnnotation(annotation);
  const types = a.tables.secretTypes;
  if (types.has(t)) return 'Secret';
  const optional = /^(?:Optional\[(\w+)\]|(\w+)\|None|None\|(\w+)|Union\[(\w+),None\])$/.exec(t);
  const inner = optional ? (optional[1] ?? optional[2] ?? optional[3] ?? optional[4]) : undefined;
  if (inner !== undefined && types.has(inner)) return 'Optional[Secret]';
  const list = /^(\w+)\[(\w+)(?:,\.\.\.)?\]$/.exec(t);
  if (list && a.tables.secretListTypes.has(list[1]!) && types.has(list[2]!)) return 'list[Secret]';
  if (t === 'str' || inner === 'str') return 'str';
  return undefined;
}

/** The string default of a parameter, direct (`= "x"`) or through Cog's `Input(default="x")`. */
function stringDefault(param: Parameter): SyntaxNode | undefined {
  let value = param.defaultNode;
  if (value?.type === 'call') {
    const args = value.childForFieldName('arguments')?.namedChildren ?? [];
    value = args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'default')?.childForFieldName('value') ?? undefined;
  }
  if (!value || (value.type !== 'string' && value.type !== 'concatenated_string')) return undefined;
  return value;
}

function hasContent(node: SyntaxNode): boolean {
  if (node.type === 'concatenated_string') return node.namedChildren.some(hasContent);
  if (node.namedChildren.length === 0) return literalContent(node.text).trim() !== '';
  return node.namedChildren.some((c) => c.type === 'interpolation' || c.text.trim() !== '');
}

/**
 * The inputs of a Cog entry point: a string default on a Secret (published in the model's public schema), a
 * `list[Secret]` (not wrapped: plain strings), a credential typed `str` (shown unredacted; should be a Secret).
 */
export function checkCogInputs(a: Analysis, params: Parameter[], entry: string): void {
  for (const param of params) {
    const kind = secretAnnotation(a, param.annotation);
    if (kind === 'Secret' || kind === 'Optional[Secret]') {
      const literal = stringDefault(param);
      if (literal && hasContent(literal)) {
        a.results.add({
          ruleId: 'no-hardcoded-secret',
          severity: 'error',
          message: `The Secret input ${param.name} of ${entry} has a string default: Cog copies it verbatim into the model's public OpenAPI schema. Use default=None and pass the value at prediction time.`,
          node: literal,
          evidence: 'default="…"',
          steps: [],
        });
      }
    } else if (kind === 'list[Secret]') {
      a.results.add({
        ruleId: 'no-secret-in-log',
        severity: 'warning',
        message: `The input ${param.name} of ${entry} is a list of Secrets: Cog does not wrap list items, so the code receives plain strings that are neither redacted in logs nor masked when printed. Take each secret as its own Secret input.`,
        node: param.node,
        evidence: `${param.name}: list[Secret]`,
        steps: [],
      });
    } else if (kind === 'str' && a.names.classify(param.name) === 'secret') {
      a.results.add({
        ruleId: 'no-secret-in-log',
        severity: 'note',
        message: `The input ${param.name} of ${entry} looks like a credential but is typed str: plain inputs are stored and shown with the prediction and are not redacted in logs. Declare it as cog.Secret and read it with get_secret_value().`,
        node: param.node,
        evidence: `${param.name}: str`,
        steps: [],
      });
    }
  }
}
