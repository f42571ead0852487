import type * as TS from 'typescript';
import { seedByName } from './bindings.js';
import { declarePattern } from './bindings.js';
import type { Engine, FunctionFrame } from './engine.js';
import { CLEAN, Scope, appendStep, deepTaints, join, materialize, type ClassInfo, type FunctionInfo, type Taint, type Value } from './value.js';
import { writeField } from './classes.js';
import { walkStatements } from './walker.js';

/** An entry point's return value is output (flows.md): predict/run/train, handlers; never a plain helper. */
export function entryPointOf(e: Engine, node: TS.Node, name: string, isMethod: boolean, exported: boolean): boolean {
  const t = e.tables;
  if (!t.entryPoints.has(name)) return false;
  if (t.methodOrExportedEntryPoints.has(name)) return isMethod || exported;
  void node;
  return true;
}

export function newFunction(e: Engine, node: TS.SignatureDeclaration, name: string, isEntryPoint: boolean, cls?: ClassInfo): FunctionInfo {
  return { node, name, scope: e.scope, cls: cls ?? (e.ts.isArrowFunction(node) ? e.frame.thisClass : undefined), isEntryPoint, state: 'new' };
}

export function returnValue(e: Engine, expression: TS.Expression, at: TS.Node): void {
  const value = e.evaluate(expression);
  e.frame.returned = join(e.frame.returned, value);
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', at, value, `the return value of ${e.frame.info.name}`);
}

export function yieldValue(e: Engine, node: TS.YieldExpression, value: Value): void {
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', node, value, `what ${e.frame.info.name} yields`);
}

export function throwValue(e: Engine, s: TS.ThrowStatement): void {
  const ts = e.ts;
  const x = e.syntax.unwrap(s.expression);
  const value = e.evaluate(s.expression);
  // `throw new XError(secret)` is reported where the error is built; a thrown Error object carries no new leak.
  if (ts.isNewExpression(x) || (ts.isCallExpression(x) && e.isErrorConstructorCall(x))) return;
  if (value.kind === 'errorObject') return;
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
  };
  e.frame = frame;
  info.node.parameters.forEach((p, index) => {
    const pname = ts.isIdentifier(p.name) ? p.name.text : `#${index}`;
    let value: Value;
    if (seeds) value = seeds[index] ?? CLEAN;
    else {
      const taint: Taint = { origin: { kind: 'param', index, fn: info }, path: [e.loc(p.name, () => `parameter \`${pname}\` of ${info.name}`)] };
      value = { taints: [taint], param: { fn: info, index } };
    }
    if (p.initializer) value = join(value, e.evaluate(p.initializer));
    if (ts.isIdentifier(p.name)) {
      const binding = { name: p.name.text, value: CLEAN, owner: info, decl: p.name };
      binding.value = seedByName(e, p.name.text, value, { nameNode: p.name, type: p.type, init: p.initializer, binding, paramOf: info });
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
    else if (t.origin.kind === 'source' && t.origin.paramOf !== info) summary.returnSources.push({ label: t.origin.label, byName: t.origin.byName, path: materialize(appendStep(t.path, end)) });
  }
  if (returned.kind && returned.kind !== 'env') summary.returnKind = returned.kind;
  e.summaries.set(info.node, summary);
}

export function drainDeferred(e: Engine): void {
  const deferred = e.frame.deferred;
  while (deferred.length > 0) {
    const info = deferred.shift()!;
    if (info.state === 'new') analyzeFunction(e, info);
  }
}
