import type { FlowLocation, FlowRuleId } from './types.js';
import type { ValueKind } from './value.js';

/**
 * What a function does with secrets, independent of who calls it: which parameters reach which sinks, which flow
 * to the return value, and which secrets it returns on its own. The engine builds one per function it analyses;
 * a whole-program caller may hand in summaries for functions defined in other files (`resolveCallee`).
 */
export interface FunctionSummary {
  /** Parameter `param` reaches a sink inside the function (or a function it calls). */
  paramSinks: ParamSink[];
  /** Parameter `param` flows to the return value along `path` (parameter … return). */
  paramReturns: Array<{ param: number; access?: readonly string[]; path: FlowLocation[] }>;
  /** Secrets the function returns whatever its arguments (`return process.env.HF_TOKEN`). */
  returnSources: Array<{ label: string; byName: boolean; path: FlowLocation[] }>;
  /** What the return value is when it matters for sinks: a logger, a transport client. */
  returnKind?: ValueKind;
  /** Parameter `param` is the URL of a request made at `start…end`: a caller passing `http://…` makes it plain HTTP. */
  paramRequests?: Array<{ param: number; start: number; end: number; fileName?: string; sinkLabel: string }>;
}

export interface ParamSink {
  param: number;
  /** The member of the parameter that reaches the sink (`['user', 'password']`); none: the whole value. */
  access?: readonly string[];
  ruleId: FlowRuleId;
  /** The sink's span and file (a callee's sink may live in another file). */
  start: number;
  end: number;
  fileName?: string;
  /** What the sink is (`console.log`, `the return value of predict`), for messages. */
  sinkLabel: string;
  /** Parameter … sink. */
  path: FlowLocation[];
  /** require-https: the request's plain-HTTP URL verdict is already known. */
  fix?: { start: number; end: number; text: string };
}

export function emptySummary(): FunctionSummary {
  return { paramSinks: [], paramReturns: [], returnSources: [] };
}
