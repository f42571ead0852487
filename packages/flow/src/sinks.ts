import type { CallShape } from './calls.js';
import { allArgTaints } from './calls.js';
import type { Engine } from './engine.js';
import { taintsAfterRedaction } from './redaction.js';
import { CLEAN, deepTaints, shownTaints, unionTaints, urlText, type Taint, type Value } from './value.js';

const LOG = 'no-secret-in-log';
const ERROR = 'no-secret-in-error';
const OUTPUT = 'no-secret-in-output';

/** Reports the sinks a call is: a log, an error message, a response, a plain-HTTP request. */
export function callSinks(e: Engine, shape: CallShape): void {
  const label = shape.dotted ?? calleeLabel(e, shape);
  if (isLogCall(e, shape)) {
    const redacts = shape.receiver?.redacts ?? shape.callee.redacts;
    e.sink(LOG, shape.node, redacts ? loggedAfterRedaction(shape, redacts) : allArgTaints(shape), label);
    return;
  }
  const errorArgs = errorArguments(e, shape);
  if (errorArgs) {
    e.sink(ERROR, shape.node, pick(shape, errorArgs), label);
    return;
  }
  if (isResponseCall(e, shape, e.tables.cookieMethods)) {
    e.sink(OUTPUT, shape.node, passwordsAndServerSecrets(e, pick(shape, [1])), label);
    return;
  }
  if (isResponseCall(e, shape, e.tables.responseMethods)) {
    e.sink(OUTPUT, shape.node, allArgTaints(shape), label);
    return;
  }
  if (shape.dotted !== undefined && e.tables.responseCalls.has(shape.dotted)) {
    e.sink(OUTPUT, shape.node, pick(shape, [0]), label);
    return;
  }
  if (isTransportCall(e, shape)) transportSink(e, shape, label);
}

/** `res.status(500).send` reads as `res.send`: the object and the method, without the chained calls. */
function calleeLabel(e: Engine, shape: CallShape): string {
  const owner = shape.receiverExpr ? e.syntax.rootName(shape.receiverExpr) : undefined;
  return owner && shape.name ? `${owner}.${shape.name}` : shape.name ?? 'a call';
}

/** `new XError(…)`, `new Response(x)`, `new WebSocket('ws://…')`; says 'error' for an Error so callers drop its taint. */
export function newSinks(e: Engine, shape: CallShape): 'error' | undefined {
  const name = shape.name;
  if (name === undefined) return undefined;
  const label = `new ${shape.dotted ?? name}`;
  if (isErrorConstruction(e, shape)) {
    // A caught request error passed on (`{ cause: err }`) is not written into the new error's message.
    let taints: readonly Taint[] | undefined;
    for (const a of shape.args) taints = unionTaints(taints, shownTaints(withoutRequestErrors(a)));
    e.sink(ERROR, shape.node, taints, label);
    return 'error';
  }
  if (e.tables.responseConstructors.has(name)) e.sink(OUTPUT, shape.node, pick(shape, [0]), label);
  else if (e.tables.transportConstructors.has(shape.dotted ?? name) || shape.callee.kind === 'transport') transportSink(e, shape, label);
  return undefined;
}

function withoutRequestErrors(v: Value): Value {
  if (v.kind === 'requestError') return CLEAN;
  if (!v.props || ![...v.props.values()].some((p) => p.kind === 'requestError')) return v;
  return { ...v, props: new Map([...v.props].filter(([, p]) => p.kind !== 'requestError')) };
}

function loggedAfterRedaction(shape: CallShape, keys: ReadonlySet<string>): readonly Taint[] | undefined {
  let taints: readonly Taint[] | undefined;
  for (const a of shape.args) taints = unionTaints(taints, taintsAfterRedaction(a, keys));
  return taints;
}

function pick(shape: CallShape, indices: readonly number[]): readonly Taint[] | undefined {
  let taints: readonly Taint[] | undefined;
  for (const i of indices) {
    const a = shape.args[i];
    if (a) taints = unionTaints(taints, shownTaints(a));
  }
  return taints;
}

/** `console.log`, `process.stdout.write`, a configured logger, any member of an undeclared `console`. */
export function isLogCallee(e: Engine, dotted: string): boolean {
  const t = e.tables;
  if (t.logCalls.has(dotted) || t.extraLoggers.has(dotted)) return true;
  const root = dotted.slice(0, dotted.indexOf('.') >>> 0 || dotted.length);
  return dotted.includes('.') && t.logGlobals.has(root) && !e.scope.lookup(root);
}

export function isLogCall(e: Engine, shape: CallShape): boolean {
  const t = e.tables;
  const { dotted, name, receiver, receiverExpr, callee } = shape;
  if (dotted !== undefined && isLogCallee(e, dotted)) return true;
  // Through an alias of the object: `const out = process.stdout; out.write(…)`.
  if (name !== undefined && receiver?.object !== undefined && isLogCallee(e, `${receiver.object}.${name}`)) return true;
  // A log function, or a logger's method taken off it (`const { error } = console; error(…)`).
  if (callee.kind === 'logFunction' || (callee.kind === 'logger' && !receiver)) return true;
  if (name === undefined || !receiver || !receiverExpr) return false;
  const receiverDotted = e.syntax.dotted(receiverExpr);
  if (receiverDotted !== undefined && t.extraLoggers.has(receiverDotted)) return true;
  if (!t.loggerMethods.has(name)) return false;
  const k = receiver.kind;
  if (k === 'logger' || k === 'loggerClass' || k === 'logFunction') return true;
  if ((k !== undefined && k !== 'module') || receiver.fn || receiver.cls) return false;
  const last = e.syntax.lastName(receiverExpr);
  return last !== undefined && e.names.isLoggerName(last);
}

function errorArguments(e: Engine, shape: CallShape): readonly number[] | undefined {
  const t = e.tables;
  if (shape.callee.kind === 'reject') return [0];
  if (shape.dotted !== undefined) {
    const listed = t.errorCalls.get(shape.dotted);
    if (listed && !(shape.callee.fn)) return listed;
  }
  if (shape.dotted !== undefined && e.ts.isCallExpression(shape.node) && e.isErrorConstructorCall(shape.node, shape.dotted)) return shape.args.map((_, i) => i);
  return undefined;
}

function isErrorConstruction(e: Engine, shape: CallShape): boolean {
  const name = shape.name!;
  const local = shape.callee.cls;
  if (local) return local.isError;
  if (!e.isErrorName(name)) {
    return e.types?.isErrorInstance(shape.node) === true;
  }
  return e.types?.isErrorInstance(shape.node) !== false;
}

/**
 * What a cookie may not hold: a password, or a secret of the server itself (not one named by a variable only, as
 * the session or access token a login hands its client is).
 */
function passwordsAndServerSecrets(e: Engine, taints: readonly Taint[] | undefined): readonly Taint[] | undefined {
  return taints?.filter((t) => t.origin.kind === 'source' && (!t.origin.byName || e.names.namesAPassword(t.origin.label)));
}

function isResponseCall(e: Engine, shape: CallShape, methods: ReadonlySet<string>): boolean {
  const t = e.tables;
  const { name, receiverExpr } = shape;
  if (name === undefined || !receiverExpr || !methods.has(name)) return false;
  const root = e.syntax.rootName(receiverExpr);
  const last = e.syntax.lastName(receiverExpr);
  return (root !== undefined && t.responseObjects.has(root)) || (last !== undefined && t.responseObjects.has(last));
}

/**
 * What the error of this request keeps of it, when the request's library keeps the request in its errors (axios,
 * got, ky): the secrets its arguments carry (headers, auth, URL). Undefined for other calls.
 */
export function requestErrorTaints(e: Engine, shape: CallShape): readonly Taint[] | undefined {
  if (!isTransportCall(e, shape)) return undefined;
  const keep = e.tables.errorsKeepRequest;
  const root = shape.dotted?.split('.')[0];
  const library = (root !== undefined && keep.has(root)) || keep.has(shape.receiver?.module ?? '') || keep.has(shape.callee.module ?? '');
  if (!library) return undefined;
  // A client made with secret defaults (`axios.create({ headers })`) puts them on every request.
  const taints = unionTaints(allArgTaints(shape), shape.receiver?.kind === 'transport' ? shape.receiver.requestError : undefined);
  return taints && taints.length > 0 ? taints : undefined;
}

function isTransportCall(e: Engine, shape: CallShape): boolean {
  const t = e.tables;
  const { dotted, name, receiver, callee } = shape;
  if (callee.kind === 'transport' && !receiver) return true;
  if (receiver?.kind === 'transport' && name !== undefined && t.transportMethods.has(name)) return true;
  if (dotted === undefined || !t.transportCalls.has(dotted)) return false;
  const root = dotted.split('.')[0]!;
  const bound = e.scope.lookup(root);
  // `request` as a local parameter (an incoming request) is not the request library.
  return !bound || bound.value.kind === 'transport' || bound.value.kind === 'module';
}

/** `function get(url) { return fetch(url); }`: the URL comes from the caller, which the summary tells. */
function urlFromParameter(e: Engine, shape: CallShape, param: NonNullable<Value['param']>, label: string): void {
  const summary = e.summaryOf(param.fn);
  if (!summary) return;
  const start = shape.node.getStart(e.sf);
  const requests = (summary.paramRequests ??= []);
  if (!requests.some((r) => r.param === param.index && r.start === start)) requests.push({ param: param.index, start, end: shape.node.getEnd(), sinkLabel: label });
}

/** The request URL: the first argument, or its `url`/`baseURL` option. */
function requestUrl(e: Engine, shape: CallShape): Value | undefined {
  const first = shape.args[0];
  if (!first) return undefined;
  if (first.str !== undefined || first.param) return first;
  for (const key of e.tables.urlOptions) {
    const option = first.props?.get(key);
    if (option?.str !== undefined) return option;
  }
  return undefined;
}

function transportSink(e: Engine, shape: CallShape, label: string): void {
  const url = requestUrl(e, shape);
  if (url?.str === undefined && url?.param) return urlFromParameter(e, shape, url.param, label);
  if (url?.str === undefined) return;
  const verdict = e.urls.classify(urlText(url), url.strComplete ?? false);
  if (verdict.verdict !== 'insecure') return;
  const fix = url.schemeAt !== undefined && verdict.secureScheme && verdict.scheme
    ? { start: url.schemeAt, end: url.schemeAt + verdict.scheme.length, text: verdict.secureScheme }
    : undefined;
  const start = shape.node.getStart(e.sf);
  e.results.add({
    ruleId: 'require-https',
    severity: 'warning',
    message: `A request to ${verdict.host ?? 'a remote host'} uses plain ${verdict.scheme}://; use ${verdict.secureScheme ?? 'an encrypted scheme'}.`,
    start,
    end: shape.node.getEnd(),
    path: [{ start, end: shape.node.getEnd(), note: `plain ${verdict.scheme}:// request` }],
    ...(fix ? { fix } : {}),
  });
  e.sink('require-https', shape.node, allArgTaints(shape), `${label} to ${verdict.host ?? "a remote host"}`, fix);
}

export type { Value };
