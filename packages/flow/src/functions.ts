import type * as TS from 'typescript';
import { seedByName } from './bindings.js';
import { declarePattern } from './bindings.js';
import type { Engine, FunctionFrame } from './engine.js';
import type { ReturnText } from './summary.js';
import { CLEAN, Scope, appendStep, deepTaints, join, materialize, taintOnly, taintsByAccess, type ClassInfo, type FunctionInfo, type Taint, type Value } from './value.js';
import { writeField } from './classes.js';
import { walkStatements } from './walker.js';
import { withTypedSecretMembers } from './typed-members.js';

/** An entry point's return value is output (flows.md): predict/run/train, handlers; never a plain helper. */
export function entryPointOf(e: Engine, node: TS.Node, name: string, isMethod: boolean, exported: boolean): boolean {
  const t = e.tables;
  if (!t.entryPoints.has(name)) return false;
  if (t.methodOrExportedEntryPoints.has(name)) return isMethod || exported;
  void node;
  return true;
}

/** A method a decorator makes a route (`@Get() key() { … }` in a NestJS controller): it returns the response. */
export function isRouteMethod(e: Engine, method: TS.MethodDeclaration): boolean {
  const ts = e.ts;
  const decorators = ts.canHaveDecorators(method) ? ts.getDecorators(method) : undefined;
  return (
    decorators?.some((d) => {
      const callee = ts.isCallExpression(d.expression) ? d.expression.expression : d.expression;
      const name = e.syntax.lastName(callee);
      return name !== undefined && e.tables.routeDecorators.has(name);
    }) ?? false
  );
}

/**
 * A handler whose return value a route registration sends back (`fastify.get('/', async (request, reply) =>
 * value)`): by the server's name or by the handler's reply parameter. Express ignores what its handlers return.
 */
export function isRouteHandler(e: Engine, call: { name: string | undefined; receiverExpr: TS.Expression | undefined }, fn: TS.SignatureDeclaration): boolean {
  const t = e.tables;
  if (call.name === undefined || call.receiverExpr === undefined || !t.routeMethods.has(call.name)) return false;
  const reply = fn.parameters[1]?.name;
  if (reply && e.ts.isIdentifier(reply) && t.routeReplyParameters.has(reply.text)) return true;
  const server = e.syntax.rootName(call.receiverExpr);
  return server !== undefined && t.routeServers.has(server);
}

export function newFunction(e: Engine, node: TS.SignatureDeclaration, name: string, isEntryPoint: boolean, cls?: ClassInfo): FunctionInfo {
  return { node, name, scope: e.scope, cls: cls ?? (e.ts.isArrowFunction(node) ? e.frame.thisClass : undefined), isEntryPoint, state: 'new' };
}

export function returnValue(e: Engine, expression: TS.Expression, at: TS.Node): void {
  const value = e.evaluate(expression);
  e.frame.returned = join(e.frame.returned, value);
  if (e.frame.summary && e.frame.returnText !== null) {
    const text = value.str !== undefined || value.param ? returnTextOf(e, expression, e.frame.info!) : undefined;
    // Returns that disagree say nothing about the text.
    e.frame.returnText = text && (e.frame.returnText === undefined || sameText(e.frame.returnText, text)) ? text : null;
  }
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', at, value, `the return value of ${e.frame.info.name}`);
}

export function yieldValue(e: Engine, node: TS.YieldExpression, value: Value): void {
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', node, value, `what ${e.frame.info.name} yields`);
  // A generator's iterator hands out what it yields: its callers read those values (`for (const v of gen())`).
  else e.frame.returned = join(e.frame.returned, node.asteriskToken ? taintOnly(deepTaints(value)) : value);
}

export function throwValue(e: Engine, s: TS.ThrowStatement): void {
  const ts = e.ts;
  const x = e.syntax.unwrap(s.expression);
  const value = e.evaluate(s.expression);
  // `throw new XError(secret)` is reported where the error is built; a thrown Error object carries no new leak.
  if (ts.isNewExpression(x) || (ts.isCallExpression(x) && e.isErrorConstructorCall(x))) return;
  // An Error's own properties travel with it (`util.inspect`, error reporters and JSON bodies show them):
  // `err.token = token; throw err` throws the token.
  if (value.kind === 'errorObject') {
    if (value.props || value.taints) e.sink('no-secret-in-error', s, { props: value.props, taints: value.taints }, 'throw');
    return;
  }
  if (value.kind === 'requestError') return;
  if (ts.isIdentifier(x) && e.scope.lookup(x.text) === undefined && /^(?:err|error|e|ex|cause)$/i.test(x.text)) return;
  e.sink('no-secret-in-error', s, value, 'throw');
}

/** Analyses a function's body once, with each parameter standing for whatever a caller passes. */
export function analyzeFunction(e: Engine, info: FunctionInfo, seeds?: Value[]): Value {
  if (info.state === 'done' && !seeds) return CLEAN;
  if (info.state === 'running') return CLEAN;
  info.state = 'running';
  const summary = seeds ? undefined : e.newSummary();
  if (summary) info.summary = summary;
  const ts = e.ts;
  const savedScope = e.scope;
  const savedFrame = e.frame;
  const savedConditional = e.conditional;
  const scope = new Scope(info.scope, info);
  e.scope = scope;
  e.conditional = 0;
  const frame: FunctionFrame = {
    info,
    summary,
    returned: CLEAN,
    deferred: [],
    varScope: scope,
    thisClass: ts.isArrowFunction(info.node) ? savedFrame.thisClass ?? info.cls : info.cls,
    resolved: [],
    parent: savedFrame,
    ...(seeds ? { seeds } : {}),
  };
  e.frame = frame;
  info.node.parameters.forEach((p, index) => {
    const pname = ts.isIdentifier(p.name) ? p.name.text : `#${index}`;
    let value: Value;
    if (seeds) value = p.dotDotDotToken ? seeds.slice(index).reduce<Value>((all, seed) => join(all, seed), CLEAN) : seeds[index] ?? CLEAN;
    else {
      const origin: Taint['origin'] = p.dotDotDotToken ? { kind: 'param', index, fn: info, forwarded: true } : { kind: 'param', index, fn: info };
      const taint: Taint = { origin, path: [e.loc(p.name, () => `parameter \`${pname}\` of ${info.name}`)] };
      value = { taints: [taint], param: { fn: info, index } };
    }
    if (p.initializer) value = join(value, e.evaluate(p.initializer));
    if (ts.isIdentifier(p.name)) {
      const binding = { name: p.name.text, value: CLEAN, owner: info, decl: p.name };
      binding.value = withTypedSecretMembers(e, p.name.text, seedByName(e, p.name.text, value, { nameNode: p.name, type: p.type, init: p.initializer, binding, paramOf: info }), p.type, p.name, info);
      scope.declare(binding);
      // `constructor(private key: string)` stores the parameter in a field.
      if (info.cls && ts.isConstructorDeclaration(info.node) && ts.isParameterPropertyDeclaration(p, info.node)) writeField(info.cls, p.name.text, binding.value);
    } else declarePattern(e, p.name, value, p.initializer, p.type, scope);
  });
  const body = (info.node as TS.FunctionLikeDeclaration).body;
  if (body) {
    if (ts.isBlock(body)) walkStatements(e, body.statements);
    else returnValue(e, body, body);
  }
  drainDeferred(e);
  if (summary) finishSummary(e, info, frame.returned);
  e.scope = savedScope;
  e.frame = savedFrame;
  e.conditional = savedConditional;
  info.state = 'done';
  return frame.returned;
}

function finishSummary(e: Engine, info: FunctionInfo, returned: Value): void {
  const summary = info.summary!;
  const end = e.loc(info.node.name ?? info.node, `returned by ${info.name}`);
  for (const t of deepTaints(returned) ?? []) {
    if (t.origin.kind === 'param' && t.origin.fn === info) summary.paramReturns.push({ param: t.origin.index, ...(t.origin.access ? { access: t.origin.access } : {}), path: materialize(appendStep(t.path, end)) });
  }
  // Sources keep the member they sit at: `return { cwd, env: process.env }` makes `io.cwd` no secret.
  const seen = new Set<string>();
  for (const { taint: t, access } of taintsByAccess(returned)) {
    if (t.origin.kind !== 'source' || t.origin.paramOf === info) continue;
    const key = `${t.origin.label}\0${t.origin.byName}\0${access.join('.')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    summary.returnSources.push({ label: t.origin.label, byName: t.origin.byName, ...(access.length > 0 ? { access } : {}), path: materialize(appendStep(t.path, end)) });
  }
  if (returned.kind && returned.kind !== 'env') summary.returnKind = returned.kind;
  if (returned.cls) summary.returnClass = returned.cls;
  const frame = e.frame;
  if (frame.returnText) summary.returnText = frame.returnText;
  const parameters = info.node.parameters;
  if (parameters.length > 0 && parameters[parameters.length - 1]!.dotDotDotToken) summary.restParam = parameters.length - 1;
  e.summaries.set(info.node, summary);
}

export function drainDeferred(e: Engine): void {
  const deferred = e.frame.deferred;
  while (deferred.length > 0) {
    const info = deferred.shift()!;
    if (info.state === 'new') analyzeFunction(e, info);
  }
}

function sameText(a: ReturnText, b: ReturnText): boolean {
  return a.complete === b.complete && a.parts.length === b.parts.length && a.parts.every((p, i) => p === b.parts[i]);
}

/**
 * What a returned string is made of: literal text and the function's own parameters, in order, as far as that is
 * known (`'http://' + host + '/v1'`, `\`${base}/items\``); callers fill the parameters in with their arguments.
 */
function returnTextOf(e: Engine, expression: TS.Expression, fn: FunctionInfo): ReturnText | undefined {
  const ts = e.ts;
  const parts: Array<string | number> = [];
  let schemeAt: number | undefined;
  const add = (node: TS.Expression): boolean => {
    const x = e.syntax.unwrap(node);
    if (ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) {
      if (parts.length === 0) schemeAt = x.getStart(e.sf) + 1;
      parts.push(x.text);
      return true;
    }
    if (ts.isTemplateExpression(x)) {
      if (parts.length === 0 && x.head.text !== '') schemeAt = x.head.getStart(e.sf) + 1;
      if (x.head.text !== '') parts.push(x.head.text);
      for (const span of x.templateSpans) {
        if (!add(span.expression)) return false;
        if (span.literal.text !== '') parts.push(span.literal.text);
      }
      return true;
    }
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === e.SK.PlusToken) return add(x.left) && add(x.right);
    if (ts.isIdentifier(x)) {
      const value = e.scope.lookup(x.text)?.value;
      if (value?.param?.fn === fn) return parts.push(value.param.index), true;
      if (value?.str !== undefined && value.strComplete) return parts.push(value.str), true;
    }
    return false;
  };
  const complete = add(expression);
  if (parts.length === 0) return undefined;
  const text: ReturnText = { parts, complete };
  if (schemeAt !== undefined && typeof parts[0] === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(parts[0])) text.schemeAt = schemeAt;
  return text;
}

/** Arguments beyond the declared parameters that `arguments` is checked for at call sites. */
const EXTRA_ARGUMENTS = 8;

/**
 * `arguments` in a function (arrow functions see their enclosing function's): every argument a caller passes,
 * the declared parameters and a few more (`function log() { console.log.apply(console, arguments) }`).
 */
export function argumentsValue(e: Engine, at: TS.Node): Value | undefined {
  let frame: FunctionFrame | undefined = e.frame;
  while (frame?.info && e.ts.isArrowFunction(frame.info.node)) frame = frame.parent;
  const info = frame?.info;
  if (!frame || !info) return undefined;
  if (frame.seeds) return frame.seeds.reduce<Value>((all, seed) => join(all, seed), CLEAN);
  const count = info.node.parameters.length + EXTRA_ARGUMENTS;
  const taints: Taint[] = [];
  for (let index = 0; index < count; index++) {
    taints.push({ origin: { kind: 'param', index, fn: info, forwarded: true }, path: [e.loc(at, () => `argument ${index + 1} of ${info.name}, read through \`arguments\``)] });
  }
  return { taints };
}
