import { wordsOf } from './words.js';
import { reportsAmbiguous } from './ambiguous.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis, Frame } from './context.js';
import { type PythonFlowRuleId, SINK_NOTE, flowMessage } from './report.js';
import { lastName } from './syntax.js';
import { type Taint, type Value, stepAt } from './values.js';

/** Records a secret reaching a sink, with its path ending at the sink. */
export function reportFlow(a: Analysis, f: Frame, ruleId: PythonFlowRuleId, node: SyntaxNode, taint: Taint, sink: string, evidence: string): void {
  if (!f.reporting) return;
  if (taint.ambiguous && !reportsAmbiguous(a, ruleId)) return;
  // A key or token made here for the caller is theirs: handing it back is what it was made for.
  if (taint.minted && ruleId === 'no-secret-in-output') return;
  a.results.add({
    ruleId,
    severity: 'error',
    message: flowMessage(ruleId, taint, sink),
    node,
    evidence,
    steps: [...taint.steps, stepAt(node, SINK_NOTE[ruleId]!)],
  });
}

/** A value leaving an entry point: its plaintext, a `Secret` object (serialised in clear) or an object holding one. */
export function reportOutput(a: Analysis, f: Frame, node: SyntaxNode, value: Value, verb: 'returned by' | 'yielded by'): void {
  const entry = f.entry;
  if (!entry) return;
  const taint = value.taint ?? value.secretObject ?? value.held;
  if (!taint) return;
  const what = verb === 'returned by' ? `the return value of ${entry.name}` : `a value yielded by ${entry.name}`;
  // A returned Secret object is no safer than its plaintext: the runtime serialises it in clear.
  const serialised = !value.taint && value.secretObject ? ', which serialises the Secret in clear' : '';
  const sink = `${what}, the ${entry.platform} entry point${serialised}`;
  reportFlow(a, f, 'no-secret-in-output', node, taint, sink, verb === 'returned by' ? 'return …' : 'yield …');
}

/** Where a call is a log: `print`, `logging.info`, `logger.warning`, `self.log.error`, loguru. */
export function isLogCall(a: Analysis, canonical: string | undefined, receiver: Value | undefined, receiverDotted: string | undefined, method: string | undefined): boolean {
  const t = a.tables;
  if (canonical !== undefined && t.logCalls.has(canonical)) return true;
  if (canonical !== undefined) {
    // A logger method of a logging module, called through it or through a name that holds it (`info = logger.info`).
    const dot = canonical.lastIndexOf('.');
    const owner = canonical.slice(0, dot);
    if ((t.loggerModules.has(owner) || owner === 'logging') && t.loggerMethods.has(canonical.slice(dot + 1))) return true;
  }
  if (method === undefined || !t.loggerMethods.has(method)) return false;
  if (receiver?.ref === 'logger') return true;
  if (receiverDotted === undefined) return false;
  const words = wordsOf(lastName(receiverDotted));
  const last = words[words.length - 1];
  return last !== undefined && t.loggerObjectWords.has(last);
}

/** The values a log call prints: every argument but the settings (`file=`, `exc_info=`). */
export function printedArguments(a: Analysis, positional: Value[], keywords: Map<string, Value>, splats: Value[]): Value[] {
  const out = [...positional, ...splats];
  for (const [name, value] of keywords) if (!a.tables.logSettingKeywords.has(name)) out.push(value);
  return out;
}
