import { isAbsoluteUrl, isStandIn, joinUrlPath, splitWords } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { inheritMember, mergeInto } from './evaluate.js';
import { redactedKeys } from './redaction.js';
import { isMasking, isShortReveal } from './sanitizers.js';
import { callSinks, isLogCall, isLogCallee, newSinks, requestErrorTaints } from './sinks.js';
import type { FunctionSummary, ParamCall } from './summary.js';
import type { FlowLocation } from './types.js';
import { CLEAN, SAFE, appendStep, deepTaints, elementOf, join, materialize, shownTaints, taintOnly, textTaints, unionTaints, urlText, withMemberTaint, type FunctionInfo, type Taint, type Value } from './value.js';

const TO_TEXT = new Set(['toString', 'toLocaleString']);
import { callMemberWith, constructWith, noteSummaryUse } from './classes.js';
import { analyzeFunction, isRouteHandler } from './functions.js';

/** What a call looks like once its callee and arguments are evaluated. */
export interface CallShape {
  node: TS.CallExpression | TS.NewExpression;
  calleeExpr: TS.Expression;
  /** `console.log`, `this.logger.info`, when static. */
  dotted: string | undefined;
  /** The function or method name (`log`, `getSecretValue`). */
  name: string | undefined;
  receiverExpr: TS.Expression | undefined;
  receiver: Value | undefined;
  callee: Value;
  args: Value[];
  argNodes: readonly TS.Expression[];
}

/** Callbacks whose first parameter receives the receiver's content (a promise's value, an array's elements). */
const RECEIVER_TO_CALLBACK: Record<string, { param: number; result: 'callback' | 'receiver' | 'none' | 'join' }> = {
  then: { param: 0, result: 'callback' },
  catch: { param: -1, result: 'join' },
  finally: { param: -1, result: 'receiver' },
  map: { param: 0, result: 'callback' },
  flatMap: { param: 0, result: 'callback' },
  forEach: { param: 0, result: 'none' },
  filter: { param: 0, result: 'receiver' },
  find: { param: 0, result: 'receiver' },
  findLast: { param: 0, result: 'receiver' },
  some: { param: 0, result: 'none' },
  every: { param: 0, result: 'none' },
  findIndex: { param: 0, result: 'none' },
  reduce: { param: 1, result: 'callback' },
  sort: { param: 0, result: 'receiver' },
};

export function evaluateCall(e: Engine, call: TS.CallExpression): Value {
  const ts = e.ts;
  const calleeExpr = e.syntax.unwrap(call.expression);
  const first = call.arguments[0];
  if (ts.isIdentifier(calleeExpr) && calleeExpr.text === 'require' && first && ts.isStringLiteralLike(first)) {
    const value = e.moduleValue(first.text, 'default');
    return value.kind ? value : { kind: 'module', module: first.text };
  }
  if (ts.isFunctionExpression(calleeExpr) || ts.isArrowFunction(calleeExpr)) {
    // An IIFE runs right here with these arguments.
    const args = call.arguments.map((a) => e.evaluate(a));
    const info = { node: calleeExpr, name: 'anonymous function', scope: e.scope, cls: e.frame.thisClass, isEntryPoint: false, state: 'new' as const };
    return analyzeFunction(e, info, args);
  }
  const forwarded = forwardedCall(e, call, calleeExpr) ?? boundFunction(e, call, calleeExpr);
  if (forwarded) return forwarded;
  const shape = shapeOf(e, call, calleeExpr);
  const sourced = source(e, shape);
  if (sourced) return sourced;
  // A new token or key: fresh (nothing of the signing key), and a secret only by the name it is stored under.
  if (isMinting(e, shape)) {
    runCallbacks(e, shape, []);
    return CLEAN;
  }
  if (isSanitizer(e, shape)) {
    runCallbacks(e, shape, []);
    return SAFE;
  }
  callSinks(e, shape);
  const requested = requestErrorTaints(e, shape);
  if (requested) e.tryRequests[e.tryRequests.length - 1]?.push(...requested);
  const local = localCallee(e, shape);
  if (local) {
    callBack(e, shape, local.summary, local.name);
    const returned = applySummary(e, local.summary, shape, local.name);
    const cls = shape.receiver?.cls;
    if (cls && shape.callee.fn!.cls === cls) callMemberWith(e, cls, shape.callee.fn!, shape.args, call);
    return returned;
  }
  const external = e.resolveCallee?.(call);
  if (external) {
    callBack(e, shape, external, shape.name ?? 'the callee');
    return applySummary(e, external, shape, shape.name ?? 'the callee');
  }
  if (shape.callee.param) recordParamCall(e, shape, shape.callee.param);
  const result = propagate(e, shape);
  return requested ? { ...result, requestError: requested } : result;
}

export function evaluateNew(e: Engine, node: TS.NewExpression): Value {
  const ts = e.ts;
  const calleeExpr = e.syntax.unwrap(node.expression);
  const shape = shapeOf(e, node, calleeExpr);
  const name = shape.name;
  if (name === 'Promise' && shape.argNodes[0] && isInlineFunction(e, shape.argNodes[0])) {
    e.frame.resolved.push(CLEAN);
    const depth = e.frame.resolved.length;
    runCallbacks(e, shape, [{ kind: 'resolve' }, { kind: 'reject' }]);
    const resolved = e.frame.resolved.splice(depth - 1)[0] ?? CLEAN;
    return resolved;
  }
  const kind = newSinks(e, shape);
  runCallbacks(e, shape, []);
  if (kind === 'error') return { kind: 'errorObject' };
  if (name !== undefined && e.tables.secretTypes.has(name)) return { kind: 'secretObject' };
  if (shape.callee.kind === 'loggerClass' || (name !== undefined && e.tables.loggerConstructors.has(name) && (shape.callee === CLEAN || shape.callee.kind === 'module'))) {
    return { kind: 'logger' };
  }
  if (shape.callee.kind === 'transport') return { kind: 'transport' };
  const cls = shape.callee.cls;
  if (cls) {
    const ctor = cls.methods.get('constructor');
    if (ctor) {
      applySummary(e, summaryOf(e, ctor), shape, `new ${cls.name}`);
      constructWith(e, cls, shape.args, node);
    }
    return { cls };
  }
  if (name !== undefined && e.tables.propagatorFunctions.has(`new ${name}`)) {
    // new URL('http://…') keeps the URL text for require-https; so does new URL('/path', 'http://…') (its base).
    const value = taintOnly(allArgTaints(shape));
    const first = name === 'URL' ? urlAgainstBase(shape.args[0], shape.args[1]) : shape.args[0];
    return first?.str !== undefined ? { ...value, str: first.str, strComplete: first.strComplete ?? false, ...(first.schemeAt !== undefined ? { schemeAt: first.schemeAt } : {}) } : value;
  }
  void ts;
  return CLEAN;
}

/**
 * `log.call(this, a, b)`, `log.apply(this, [a, b])`, `console.log.apply(console, arguments)`: the function itself
 * is called with those arguments. Followed when the target is a log sink or a function of this file; any other
 * `.call`/`.apply` (an RPC client's own `call` method, say) is an ordinary call.
 */
function forwardedCall(e: Engine, call: TS.CallExpression, calleeExpr: TS.Expression): Value | undefined {
  const ts = e.ts;
  if (!ts.isPropertyAccessExpression(calleeExpr)) return undefined;
  const method = calleeExpr.name.text;
  if ((method !== 'call' && method !== 'apply') || call.arguments.length === 0) return undefined;
  const target = e.syntax.unwrap(calleeExpr.expression);
  const passed = call.arguments.slice(1);
  const list = method === 'apply' && passed[0] ? e.syntax.unwrap(passed[0]) : undefined;
  const argNodes = method === 'call' ? passed : list && ts.isArrayLiteralExpression(list) ? list.elements : passed.slice(0, 1);
  const shape = shapeOf(e, call, target, argNodes);
  if (!isLogCall(e, shape) && !shape.callee.fn) return undefined;
  callSinks(e, shape);
  const local = localCallee(e, shape);
  return local ? applySummary(e, local.summary, shape, local.name) : CLEAN;
}

/** `new URL(input, base)`: an absolute input stands alone; a relative one is read against the base's text. */
function urlAgainstBase(input: Value | undefined, base: Value | undefined): Value | undefined {
  if (!base || base.str === undefined || (input?.str !== undefined && isAbsoluteUrl(input.str))) return input;
  const path = input?.str;
  const joined = path !== undefined && base.strComplete && input!.strComplete ? joinUrlPath(base.str, path) : base.str;
  return { str: joined, strComplete: joined !== base.str || (base.strComplete === true && path === ''), ...(base.schemeAt !== undefined ? { schemeAt: base.schemeAt } : {}) };
}

/**
 * `console.log.bind(console)` is a log function; `helper.bind(this)` is the helper (bound arguments would shift its
 * parameters, so only a bound `this` keeps the summary).
 */
function boundFunction(e: Engine, call: TS.CallExpression, calleeExpr: TS.Expression): Value | undefined {
  const ts = e.ts;
  if (!ts.isPropertyAccessExpression(calleeExpr) || calleeExpr.name.text !== 'bind') return undefined;
  const target = e.syntax.unwrap(calleeExpr.expression);
  const dotted = e.syntax.dotted(target);
  if (dotted !== undefined && isLogCallee(e, dotted)) {
    for (const a of call.arguments) e.evaluate(a);
    return { kind: 'logFunction' };
  }
  // Anything else bound is what it was (a logger's method, a transport), as long as no argument is bound.
  const value = e.evaluate(target);
  for (const a of call.arguments) e.evaluate(a);
  return value.fn && call.arguments.length > 1 ? CLEAN : value;
}

function shapeOf(e: Engine, node: TS.CallExpression | TS.NewExpression, calleeExpr: TS.Expression, argNodes: readonly TS.Expression[] = node.arguments ?? []): CallShape {
  const ts = e.ts;
  let receiverExpr: TS.Expression | undefined;
  let receiver: Value | undefined;
  let name: string | undefined;
  let callee: Value = CLEAN;
  if (ts.isPropertyAccessExpression(calleeExpr) || ts.isElementAccessExpression(calleeExpr)) {
    receiverExpr = e.syntax.unwrap(calleeExpr.expression);
    receiver = e.evaluate(calleeExpr.expression);
    name = e.syntax.memberName(calleeExpr);
    if (name !== undefined) callee = memberCallee(e, receiver, name);
  } else if (ts.isIdentifier(calleeExpr)) {
    name = calleeExpr.text;
    callee = e.scope.lookup(name)?.value ?? CLEAN;
  } else callee = e.evaluate(calleeExpr);
  const args = argNodes.map((a) => (isInlineFunction(e, a) ? CLEAN : e.evaluate(a)));
  return { node, calleeExpr, dotted: e.syntax.dotted(calleeExpr), name, receiverExpr, receiver, callee, args, argNodes };
}

/** What `receiver.name` is when called: a method of a known class or object, or a logger/transport member. */
function memberCallee(e: Engine, receiver: Value, name: string): Value {
  if (receiver.cls) return receiver.cls.methods.has(name) ? { fn: receiver.cls.methods.get(name)! } : CLEAN;
  const prop = receiver.props?.get(name);
  if (prop) return prop;
  return CLEAN;
}

function isInlineFunction(e: Engine, node: TS.Expression): node is TS.ArrowFunction | TS.FunctionExpression {
  const x = e.syntax.unwrap(node);
  return e.ts.isArrowFunction(x) || e.ts.isFunctionExpression(x);
}

/** Runs inline callbacks now (their captured variables are current here); `seeds` feed their parameters. */
function runCallbacks(e: Engine, shape: CallShape, seeds: Value[]): Value {
  let returned: Value = CLEAN;
  shape.argNodes.forEach((a) => {
    const x = e.syntax.unwrap(a);
    if (!e.ts.isArrowFunction(x) && !e.ts.isFunctionExpression(x)) return;
    const route = isRouteHandler(e, shape, x);
    const name = route ? `the handler of ${shape.dotted ?? shape.name}` : `callback of ${shape.name ?? 'a call'}`;
    const info: FunctionInfo = { node: x, name, scope: e.scope, cls: e.frame.thisClass, isEntryPoint: route, state: 'new' };
    returned = join(returned, analyzeFunction(e, info, seeds));
  });
  return returned;
}

/** `cb(secret)` where `cb` is a parameter: the summary tells callers that their callback receives the secret. */
function recordParamCall(e: Engine, shape: CallShape, callee: NonNullable<Value['param']>): void {
  const summary = e.summaryOf(callee.fn);
  if (!summary) return;
  const calls = (summary.paramCalls ??= []);
  const step = e.loc(shape.node, () => `passed to the callback \`${shape.dotted ?? 'callback'}\``);
  shape.args.forEach((arg, index) => {
    for (const t of deepTaints(arg) ?? []) {
      const o = t.origin;
      const entry: Omit<ParamCall, 'path'> | undefined =
        o.kind === 'source' ? { param: callee.index, arg: index, source: { label: o.label, byName: o.byName } }
        : o.kind === 'param' && o.fn === callee.fn ? { param: callee.index, arg: index, from: { param: o.index, ...(o.access ? { access: o.access } : {}) } }
        : undefined;
      if (!entry || calls.some((c) => c.param === entry.param && c.arg === index && c.source?.label === entry.source?.label && c.from?.param === entry.from?.param)) continue;
      calls.push({ ...entry, path: materialize(appendStep(t.path, step)) });
    }
  });
}

/**
 * Runs the callbacks passed to a local or resolved function: inline ones with the secrets its summary says it
 * hands them (`withToken((t) => log(t))`), functions passed by name through their own summaries.
 */
function callBack(e: Engine, shape: CallShape, summary: FunctionSummary, name: string): void {
  const calls = summary.paramCalls;
  if (!calls || calls.length === 0) return void runCallbacks(e, shape, []);
  const step = e.loc(shape.node, `passed to ${name}`);
  shape.argNodes.forEach((node, index) => {
    const seeds: Value[] = [];
    for (const c of calls) {
      if (c.param !== index) continue;
      const taints = c.source
        ? [{ origin: { kind: 'source' as const, ...c.source }, path: c.path }]
        : taintsAfter(deepTaints(resolveAccess(e, argumentFor(summary, shape.args, c.from!.param) ?? CLEAN, c.from!.access)), step, c.path);
      seeds[c.arg] = join(seeds[c.arg] ?? CLEAN, taintOnly(taints));
    }
    const fn = shape.args[index]?.fn;
    if (isInlineFunction(e, node)) {
      const x = e.syntax.unwrap(node) as TS.ArrowFunction | TS.FunctionExpression;
      analyzeFunction(e, { node: x, name: `callback of ${name}`, scope: e.scope, cls: e.frame.thisClass, isEntryPoint: false, state: 'new' }, seeds);
    } else if (fn && seeds.length > 0) applySummary(e, summaryOf(e, fn), { node: shape.node, args: seeds }, fn.name);
  });
}

/** A caller's taints, carried through the callee's own path to the callback call. */
function taintsAfter(taints: readonly Taint[] | undefined, callStep: FlowLocation, inner: readonly FlowLocation[]): Taint[] | undefined {
  return taints?.map((t) => ({ origin: t.origin, path: [...materialize(appendStep(t.path, callStep)), ...inner] }));
}

/** Sources that are calls: `x.getSecretValue()`, `Deno.env.get('X')`, reading a file under `/secrets/`. */
function source(e: Engine, shape: CallShape): Value | undefined {
  const t = e.tables;
  const { name, dotted, node } = shape;
  if (name !== undefined && shape.receiverExpr && t.secretValueMethods.has(name)) {
    const proven = e.types?.isSecretType(shape.receiverExpr);
    if (proven !== false) {
      const owner = e.syntax.lastName(shape.receiverExpr) ?? 'Secret';
      return sourceValue(e, node, `${owner}.${name}()`, `the value of the Secret \`${owner}\``);
    }
  }
  if (dotted !== undefined && t.envGetters.has(dotted)) {
    const key = shape.args[0]?.str;
    if (dotted.endsWith('.get') && key !== undefined && shape.args[0]?.strComplete) {
      return e.names.isSecretEnv(key) ? sourceValue(e, node, `${dotted.slice(0, -4)}.${key}`, `read from the environment variable ${key}`) : CLEAN;
    }
    return dotted.endsWith('.get') ? CLEAN : { kind: 'env', taints: [{ origin: { kind: 'source', label: dotted, byName: false }, path: [e.loc(node, 'the whole environment')] }] };
  }
  if (dotted !== undefined && (t.secretFileReaders.has(dotted) || (name !== undefined && t.secretFileReaders.has(name)))) {
    const path = shape.args[0]?.str;
    if (path !== undefined && t.secretFileDirectories.some((d) => path.startsWith(d) || `${path}/` === d)) {
      const value = sourceValue(e, node, `${path}${shape.args[0]?.strComplete ? '' : '…'}`, `read from the secret file ${path}`);
      // fs.readFile(path, (err, data) => …): the data parameter holds the secret.
      runCallbacks(e, shape, [CLEAN, value]);
      return value;
    }
  }
  return undefined;
}

function sourceValue(e: Engine, node: TS.Node, label: string, note: string): Value {
  return { taints: [{ origin: { kind: 'source', label, byName: false }, path: [e.loc(node, note)] }] };
}

/** `jwt.sign(…)`, `randomBytes(32)`, `this.jwtService.signAsync(…)`: a call that makes a new token or key. */
export function isMinting(e: Engine, shape: Pick<CallShape, 'dotted' | 'name' | 'receiverExpr'>): boolean {
  if (shape.dotted !== undefined && e.tables.mintingCalls.has(shape.dotted)) return true;
  if (shape.name === undefined || !shape.receiverExpr || !e.tables.mintingJwtMethods.has(shape.name)) return false;
  const receiver = e.syntax.dotted(shape.receiverExpr);
  return receiver !== undefined && /jwt/i.test(receiver.slice(receiver.lastIndexOf('.') + 1));
}

function isSanitizer(e: Engine, shape: CallShape): boolean {
  const t = e.tables;
  const { name, dotted } = shape;
  if (dotted !== undefined && t.sanitizerFunctions.has(dotted)) return true;
  if (name === undefined) return false;
  if (shape.receiver && t.sanitizerMethods.has(name)) return true;
  if (e.names.isSanitizerName(name)) return true;
  // createHash('sha256').update(key).digest('hex'): everything chained on a hash is safe.
  if (shape.receiver?.safe && shape.receiverExpr && e.ts.isCallExpression(shape.receiverExpr)) return true;
  return shape.receiver !== undefined && (isMasking(e, shape) || isShortReveal(e, shape));
}

function localCallee(e: Engine, shape: CallShape): { summary: FunctionSummary; name: string } | undefined {
  const fn = shape.callee.fn;
  // A stub (`function getPassword(): string { throw new Error('todo') }`) says nothing of what it returns: the
  // call is read like an unknown one, by its name.
  if (!fn || isStub(e, fn.node)) return undefined;
  return { summary: summaryOf(e, fn), name: fn.name };
}

/**
 * A function that takes nothing and whose body is empty, only throws or only returns a stand-in (`return
 * '<PASSWORD>'`). One that takes parameters may pass them on (`function fail(m) { throw new Error(m) }`): its
 * summary matters.
 */
function isStub(e: Engine, node: TS.SignatureDeclaration): boolean {
  const ts = e.ts;
  const body = (node as TS.FunctionLikeDeclaration).body;
  if (node.parameters.length > 0 || body === undefined) return false;
  if (!ts.isBlock(body)) return returnsStandIn(e, body);
  return body.statements.every((s) => ts.isThrowStatement(s) || (ts.isReturnStatement(s) && s.expression !== undefined && returnsStandIn(e, s.expression)));
}

function returnsStandIn(e: Engine, value: TS.Expression): boolean {
  const x = e.syntax.unwrap(value);
  return e.ts.isStringLiteralLike(x) && isStandIn(x.text);
}

function summaryOf(e: Engine, fn: FunctionInfo): FunctionSummary {
  noteSummaryUse(e, fn);
  if (fn.state === 'new') analyzeFunction(e, fn);
  return fn.summary ?? e.newSummary();
}

/** Feeds a callee's summary with this call's arguments: its parameter sinks fire, its return carries taint. */
export function applySummary(e: Engine, summary: FunctionSummary, shape: Pick<CallShape, 'node' | 'args'>, name: string): Value {
  // Most summaries carry nothing: the path steps (and their notes) are built only for one that does.
  let callStep: FlowLocation | undefined;
  let back: FlowLocation | undefined;
  const stepIn = () => (callStep ??= e.loc(shape.node, `passed to ${name}`));
  const stepOut = () => (back ??= e.loc(shape.node, `returned by ${name}`));
  for (const ps of summary.paramSinks) {
    const arg = argumentFor(summary, shape.args, ps.param);
    const taints = arg ? deepTaints(resolveAccess(e, arg, ps.access)) : undefined;
    if (taints && taints.length > 0) e.sinkThroughCall(ps, taints, stepIn());
  }
  for (const request of summary.paramRequests ?? []) requestThroughCall(e, request, argumentFor(summary, shape.args, request.param), shape.node);
  let taints: readonly Taint[] | undefined;
  for (const pr of summary.paramReturns) {
    const arg = argumentFor(summary, shape.args, pr.param);
    const argTaints = arg ? deepTaints(resolveAccess(e, arg, pr.access)) : undefined;
    if (argTaints) taints = unionTaints(taints, argTaints.map((t) => ({ origin: t.origin, path: appendStep([...appendStep(t.path, stepIn()), ...pr.path], stepOut()) })));
  }
  let members: Value = CLEAN;
  for (const rs of summary.returnSources) {
    const taint: Taint = { origin: { kind: 'source', label: rs.label, byName: rs.byName }, path: appendStep(rs.path, stepOut()) };
    if (rs.access) members = withMemberTaint(members, rs.access, taint);
    else taints = unionTaints(taints, [taint]);
  }
  const returned = members.props ? { ...members, ...(taints ? { taints } : {}) } : taintOnly(taints);
  const value = withReturnedText(returned, summary.returnText, shape.args);
  const made = summary.returnClass ? { ...value, cls: summary.returnClass } : value;
  return summary.returnKind ? { ...made, kind: summary.returnKind } : made;
}

/** What a callee's parameter receives from this call: a rest parameter takes every argument from its position on. */
function argumentFor(summary: FunctionSummary, args: readonly Value[], param: number): Value | undefined {
  if (param !== summary.restParam) return args[param];
  let all: Value | undefined;
  for (let i = param; i < args.length; i++) all = all ? join(all, args[i]!) : args[i];
  return all;
}

/** The callee's returned text with this call's arguments in place of its parameters (a URL a helper builds). */
function withReturnedText(value: Value, text: FunctionSummary['returnText'], args: readonly Value[]): Value {
  if (!text) return value;
  let str = '';
  let complete = text.complete;
  for (const part of text.parts) {
    const piece = typeof part === 'string' ? part : args[part]?.str;
    if (piece !== undefined) str += piece;
    if (piece === undefined || (typeof part === 'number' && !args[part]!.strComplete)) {
      complete = false;
      break;
    }
  }
  if (str === '') return value;
  // A fix may only edit this file: a helper from another file keeps its scheme where it is.
  const schemeAt = text.fileName === undefined && typeof text.parts[0] === 'string' ? text.schemeAt : undefined;
  return { ...value, str, strComplete: complete, ...(schemeAt !== undefined ? { schemeAt } : {}) };
}

/** A callee requests the URL it was given: a plain-HTTP literal here makes that request a require-https warning. */
function requestThroughCall(e: Engine, request: NonNullable<FunctionSummary['paramRequests']>[number], arg: Value | undefined, call: TS.Node): void {
  if (!arg) return;
  if (arg.param) {
    const outer = e.summaryOf(arg.param.fn);
    const requests = outer ? (outer.paramRequests ??= []) : undefined;
    if (requests && !requests.some((r) => r.param === arg.param!.index && r.start === request.start)) requests.push({ ...request, param: arg.param.index });
    return;
  }
  if (arg.str === undefined) return;
  const verdict = e.urls.classify(urlText(arg), arg.strComplete ?? false);
  if (verdict.verdict !== 'insecure') return;
  const fix = arg.schemeAt !== undefined && verdict.secureScheme && verdict.scheme ? { start: arg.schemeAt, end: arg.schemeAt + verdict.scheme.length, text: verdict.secureScheme } : undefined;
  const callStart = call.getStart(e.sf);
  e.results.add({
    ruleId: 'require-https',
    severity: 'warning',
    message: `A request to ${verdict.host ?? 'a remote host'} uses plain ${verdict.scheme}://; use ${verdict.secureScheme ?? 'an encrypted scheme'}.`,
    start: request.start,
    end: request.end,
    ...(request.fileName ? { fileName: request.fileName } : {}),
    path: [
      { start: callStart, end: call.getEnd(), note: `plain ${verdict.scheme}:// URL passed here` },
      { start: request.start, end: request.end, note: `requested by ${request.sinkLabel}`, ...(request.fileName ? { fileName: request.fileName } : {}) },
    ],
    ...(fix && !request.fileName ? { fix } : {}),
  });
}

/** The part of an argument a callee used: `work.id` of the object passed as `work`. */
function resolveAccess(e: Engine, arg: Value, access: readonly string[] | undefined): Value {
  let value = arg;
  for (const key of access ?? []) {
    const known = value.props?.get(key);
    if (known) value = known;
    // An object literal's other members say nothing of one it lacks (as in memberOf).
    else if (value.props?.size && !value.taints?.length) value = CLEAN;
    else if (value.kind === 'env') value = e.names.isSecretEnv(key) ? value : CLEAN;
    else {
      // Known members other than `key` say nothing of it: only the value's own taints pass on to its members.
      const taints = value.props?.size ? value.taints : deepTaints(value);
      value = taints && taints.length > 0 ? inheritMember(e, taints, key) : CLEAN;
    }
    if (value === CLEAN) break;
  }
  return value;
}

export function allArgTaints(shape: CallShape): readonly Taint[] | undefined {
  let taints: readonly Taint[] | undefined;
  for (const a of shape.args) taints = unionTaints(taints, shownTaints(a));
  return taints;
}

/** Unknown calls carry nothing, except propagators, methods that store into their receiver, callbacks, loggers. */
function propagate(e: Engine, shape: CallShape): Value {
  const t = e.tables;
  const { name, dotted, receiver } = shape;
  if (name !== undefined && receiver) {
    const callbackRule = RECEIVER_TO_CALLBACK[name];
    // `.then(show)`, `.forEach(report)`: a function passed by name runs like an inline callback, through its summary.
    const references = shape.args.filter((a, i) => a.fn !== undefined && !isInlineFunction(e, shape.argNodes[i]!));
    if (callbackRule && (references.length > 0 || shape.argNodes.some((a) => isInlineFunction(e, a)))) {
      const element = elementOf(receiver);
      const seeds: Value[] = [];
      if (callbackRule.param >= 0) seeds[callbackRule.param] = element;
      // `request.catch((err) => …)`: the callback receives the request's error.
      if (name === 'catch' && receiver.requestError) seeds[0] = { kind: 'requestError', taints: receiver.requestError };
      let returned = runCallbacks(e, shape, seeds);
      for (const ref of references) returned = join(returned, applySummary(e, summaryOf(e, ref.fn!), { node: shape.node, args: seeds }, ref.fn!.name));
      // `.then(…)` and `.finally(…)` on a pending request are still that request when it fails.
      const pending = receiver.requestError && (name === 'then' || name === 'finally') ? receiver.requestError : undefined;
      const out = (v: Value): Value => (pending ? { ...v, requestError: pending } : v);
      if (callbackRule.result === 'callback') return out(taintOnly(deepTaints(returned)));
      // `.filter(…)` keeps the receiver's elements: still entry pairs.
      if (callbackRule.result === 'receiver') return out(receiver.entryPairs ? { ...taintOnly(deepTaints(receiver)), entryPairs: true } : element);
      if (callbackRule.result === 'join') return join(element, taintOnly(deepTaints(returned)));
      return CLEAN;
    }
  }
  runCallbacks(e, shape, []);
  if (receiver?.kind === 'resolve' || shape.callee.kind === 'resolve') {
    const top = e.frame.resolved.length - 1;
    if (top >= 0) e.frame.resolved[top] = join(e.frame.resolved[top]!, shape.args[0] ?? CLEAN);
    return CLEAN;
  }
  if (dotted !== undefined && t.mergingFunctions.has(dotted) && shape.argNodes[0]) {
    for (const source of shape.args.slice(1)) mergeInto(e, shape.argNodes[0], source);
  }
  const keyed = keyedGetterSource(e, shape);
  if (keyed) return keyed;
  if (dotted !== undefined && (t.propagatorFunctions.has(dotted) || (!receiver && name !== undefined && t.propagatorFunctions.has(name)) || isModuleFunction(t.propagatorFunctions, receiver, name))) {
    // `String(err)` is the text of its argument: a request error's message, not the request it keeps.
    const value = taintOnly(name === 'String' && !receiver ? textTaints(shape.args[0] ?? CLEAN) : allArgTaints(shape));
    if (t.entryFunctions.has(dotted) && value.taints) return { ...value, entryPairs: true };
    const base = shape.args[0];
    if (name === 'join' || name === 'resolve') {
      const parts = shape.args.map((a) => a.str);
      if (parts[0] !== undefined) return { ...value, str: parts.filter((p) => p !== undefined).join('/'), strComplete: parts.every((p) => p !== undefined) };
    }
    return base?.str !== undefined && (name === 'String' || name === 'URL') ? { ...value, str: base.str, strComplete: base.strComplete ?? false } : value;
  }
  if (name !== undefined && receiver) {
    if (t.mutatingMethods.has(name) && shape.receiverExpr) {
      const stored = allArgTaints(shape);
      if (stored && stored.length > 0) {
        const key = shape.args[0]?.str;
        if (key !== undefined && e.names.isCredentialKey(key)) for (const a of shape.args.slice(1)) e.confirm(a);
        e.assignTo(shape.receiverExpr, taintOnly(stored), true);
      }
      return receiver;
    }
    if (t.propagatorMethods.has(name) || t.argumentMethods.has(name)) {
      // `err.toString()` is the text `${err}` gives: a request error's message, not the request it keeps.
      const fromReceiver = receiver.kind === 'env' ? receiver.taints : TO_TEXT.has(name) ? textTaints(receiver) : deepTaints(receiver);
      const taints = t.argumentMethods.has(name) ? unionTaints(fromReceiver, allArgTaints(shape)) : fromReceiver;
      const value = taintOnly(taints);
      if (name === 'split' && value.taints) {
        const separator = shape.args[0];
        return separator?.strComplete && PAIR_SEPARATORS.has(separator.str ?? '') ? { ...value, splitSecret: true, headIsName: true } : { ...value, splitSecret: true };
      }
      return receiver.str !== undefined && /^(?:trim|toString|valueOf|toLowerCase)$/.test(name) ? { ...value, str: receiver.str, strComplete: receiver.strComplete ?? false } : value;
    }
  }
  const made = madeKind(e, shape);
  if (made) return made;
  // getPassword(), config.getApiKey(): the function's name says what it returns.
  if (name !== undefined && !t.secretValueMethods.has(name) && e.names.namesAReturnedSecret(name)) {
    return { taints: [{ origin: { kind: 'source', label: `${name}()`, byName: true }, path: [e.loc(shape.node, `\`${name}()\` is named like a secret`)] }] };
  }
  return CLEAN;
}

/**
 * `req.get('Authorization')`, `headers.get('x-api-key')`, `config.get('dbPassword')`: a getter given the key of a
 * credential returns it, whatever the receiver.
 */
function keyedGetterSource(e: Engine, shape: CallShape): Value | undefined {
  const { name, receiver } = shape;
  const key = shape.args[0];
  if (name === undefined || !receiver || !e.tables.keyedGetters.has(name) || !key?.strComplete || key.str === undefined) return undefined;
  if (!e.names.isCredentialHeader(key.str) && e.names.classify(key.str) !== 'secret') return undefined;
  // The label names the key without quotes, which a message's label may not hold (report.ts `safeLabel`).
  return { taints: [{ origin: { kind: 'source', label: `${key.str} (read by ${name}())`, byName: true }, path: [e.loc(shape.node, `\`${name}('${key.str}')\` reads a credential by its key`)] }] };
}

/** `const Util = require('util'); Util.inspect(x)`: a function of a module, by the name the catalog spells it with. */
function isModuleFunction(functions: ReadonlySet<string>, receiver: Value | undefined, name: string | undefined): boolean {
  if (receiver?.kind !== 'module' || receiver.module === undefined || name === undefined) return false;
  return functions.has(`${receiver.module.replace(/^node:/, '')}.${name}`);
}

/** `creds.split(':')`, `header.split(' ')`: a user name or an auth scheme comes first, then the secret. */
const PAIR_SEPARATORS = new Set([':', ' ']);

function withRedaction(value: Value, keys: ReadonlySet<string> | undefined): Value {
  return keys ? { ...value, redacts: keys } : value;
}

/** Loggers and HTTP clients made by factories: `pino()`, `winston.createLogger()`, `debug('app')`, `axios.create()`. */
function madeKind(e: Engine, shape: CallShape): Value | undefined {
  const t = e.tables;
  const { name, dotted, receiver, callee } = shape;
  if (callee.kind === 'loggerFactory') return withRedaction({ kind: 'logger' }, redactedKeys(e, shape.argNodes[0]));
  if (callee.kind === 'logFunctionFactory' || (dotted !== undefined && t.logFunctionFactories.has(dotted))) return { kind: 'logFunction' };
  if (name !== undefined && receiver) {
    const k = receiver.kind;
    if ((k === 'logger' || k === 'loggerClass' || k === 'module' || k === 'logFunction') && t.loggerFactoryMethods.has(name)) {
      // A child logger keeps its parent's censored keys and may add its own.
      const own = redactedKeys(e, shape.argNodes[1] ?? shape.argNodes[0]);
      const keys = receiver.redacts && own ? new Set([...receiver.redacts, ...own]) : (own ?? receiver.redacts);
      return withRedaction({ kind: k === 'logFunction' && name === 'extend' ? 'logFunction' : 'logger' }, keys);
    }
    if (k === 'transport' && (name === 'create' || name === 'extend')) {
      // `axios.create({ headers: { Authorization } })`: the client keeps its defaults, and so do its requests' errors.
      // The options are kept as `client.defaults` (axios, got), where `client.defaults.headers` reads them back.
      const defaults = allArgTaints(shape);
      const options = shape.args[0];
      return {
        kind: 'transport',
        ...(receiver.module ? { module: receiver.module } : {}),
        ...(defaults?.length ? { requestError: unionTaints(receiver.requestError, defaults) } : receiver.requestError ? { requestError: receiver.requestError } : {}),
        ...(options && deepTaints(options)?.length ? { props: new Map([['defaults', options]]) } : {}),
      };
    }
  }
  return undefined;
}
