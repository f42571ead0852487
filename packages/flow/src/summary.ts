import type { FlowLocation, FlowRuleId } from './types.js';
import type { ClassInfo, ValueKind } from './value.js';

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
  /**
   * Secrets the function returns whatever its arguments (`return process.env.HF_TOKEN`); `access` is the member of
   * the returned value that holds one (`return { env: process.env }`: `['env']`), so siblings stay clean.
   */
  returnSources: Array<{ label: string; byName: boolean; access?: readonly string[]; path: FlowLocation[] }>;
  /** What the return value is when it matters for sinks: a logger, a transport client. */
  returnKind?: ValueKind;
  /** The function returns an instance of a class of this file (a factory): its fields and getters stay known. */
  returnClass?: ClassInfo;
  /** Parameter `param` is the URL of a request made at `start…end`: a caller passing `http://…` makes it plain HTTP. */
  paramRequests?: Array<{ param: number; start: number; end: number; fileName?: string; sinkLabel: string }>;
  /** Parameter `param` is called back with a secret as its argument `arg`: `cb(process.env.TOKEN)`. */
  paramCalls?: ParamCall[];
  /** The text returned, built from literals and parameters (`\`http://${host}/v1\``), for URLs made by helpers. */
  returnText?: ReturnText;
  /** The index of a rest parameter (`...args`): it receives every argument from its position on. */
  restParam?: number;
}

export interface ReturnText {
  /** Literal pieces and parameter indexes, in order; the text is known up to where `complete` says. */
  parts: Array<string | number>;
  complete: boolean;
  /** Offset of the leading literal's URL scheme in the helper's file, for the https fix. */
  schemeAt?: number;
  fileName?: string;
}

/** One secret a function hands to a callback it was given: a source of its own, or another of its parameters. */
export interface ParamCall {
  param: number;
  arg: number;
  source?: { label: string; byName: boolean };
  /** The secret is (a member of) the function's parameter `param` as its caller passed it. */
  from?: { param: number; access?: readonly string[] };
  /** Source or parameter … the callback call. */
  path: FlowLocation[];
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
  /**
   * The function hands whatever it is given to the sink (`(...args) => console.log(...args)`, `arguments`): it is
   * a sink itself, so a caller's secret is reported at the call that passes it.
   */
  atCallSite?: true;
}

export function emptySummary(): FunctionSummary {
  return { paramSinks: [], paramReturns: [], returnSources: [] };
}
