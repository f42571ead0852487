import type * as TS from 'typescript';
import { declarePattern, seedByName } from './bindings.js';
import { safeNamesInBranch } from './narrowing.js';
import type { Engine, FunctionFrame } from './engine.js';
import { CLEAN, SAFE, Scope, appendStep, materialize, deepTaints, join, type ClassInfo, type FunctionInfo, type Taint, type Value } from './value.js';

/** Walks statements once, in order, keeping scopes, class fields and per-function summaries up to date. */
export function walkSourceFile(e: Engine): void {
  walkStatements(e, e.sf.statements);
  drainDeferred(e);
}

export function walkStatements(e: Engine, statements: readonly TS.Statement[]): void {
  const ts = e.ts;
  // Function declarations are hoisted: calls above them see their summaries.
  for (const s of statements) {
    if (ts.isFunctionDeclaration(s) && s.name && s.body) {
      const info = newFunction(e, s, s.name.text, entryPointOf(e, s, s.name.text, false, e.syntax.hasModifier(s, e.SK.ExportKeyword)));
      e.scope.declare({ name: s.name.text, value: { fn: info }, owner: e.frame.info, decl: s.name });
    }
  }
  for (const s of statements) walkStatement(e, s);
}

function inBlock(e: Engine, statements: readonly TS.Statement[]): void {
  const saved = e.scope;
  e.scope = new Scope(saved, e.frame.info);
  walkStatements(e, statements);
  e.scope = saved;
}

function branch(e: Engine, node: TS.Statement | undefined): void {
  if (!node) return;
  e.conditional++;
  walkStatement(e, node);
  e.conditional--;
}

/** A branch where some names cannot hold a secret (empty, not a string): they are shadowed by safe values. */
function narrowedBranch(e: Engine, node: TS.Statement, safeNames: Set<string>): void {
  if (safeNames.size === 0) return branch(e, node);
  const saved = e.scope;
  e.scope = new Scope(saved, e.frame.info);
  for (const name of safeNames) {
    const outer = saved.lookup(name);
    if (outer) e.scope.declare({ ...outer, value: SAFE });
  }
  branch(e, node);
  e.scope = saved;
}

export function walkStatement(e: Engine, s: TS.Statement): void {
  // Deeply nested blocks and functions (generated code) are not followed: the stack must hold for any input.
  if (e.depth >= 400) return;
  e.depth++;
  walkStatementNode(e, s);
  e.depth--;
}

function walkStatementNode(e: Engine, s: TS.Statement): void {
  const ts = e.ts;
  switch (s.kind) {
    case e.SK.VariableStatement:
      declareVariables(e, (s as TS.VariableStatement).declarationList, e.syntax.hasModifier(s, e.SK.ExportKeyword));
      return;
    case e.SK.ExpressionStatement:
      e.evaluate((s as TS.ExpressionStatement).expression);
      return;
    case e.SK.ReturnStatement: {
      const r = s as TS.ReturnStatement;
      if (r.expression) returnValue(e, r.expression, r);
      return;
    }
    case e.SK.ThrowStatement:
      throwValue(e, s as TS.ThrowStatement);
      return;
    case e.SK.Block:
      inBlock(e, (s as TS.Block).statements);
      return;
    case e.SK.IfStatement: {
      const i = s as TS.IfStatement;
      e.evaluate(i.expression);
      narrowedBranch(e, i.thenStatement, safeNamesInBranch(e, i.expression, true));
      if (i.elseStatement) narrowedBranch(e, i.elseStatement, safeNamesInBranch(e, i.expression, false));
      return;
    }
    case e.SK.ForStatement: {
      const f = s as TS.ForStatement;
      const saved = e.scope;
      e.scope = new Scope(saved, e.frame.info);
      if (f.initializer) {
        if (ts.isVariableDeclarationList(f.initializer)) declareVariables(e, f.initializer, false);
        else e.evaluate(f.initializer);
      }
      e.conditional++;
      if (f.condition) e.evaluate(f.condition);
      if (f.incrementor) e.evaluate(f.incrementor);
      walkStatement(e, f.statement);
      e.conditional--;
      e.scope = saved;
      return;
    }
    case e.SK.ForOfStatement:
    case e.SK.ForInStatement: {
      const f = s as TS.ForOfStatement | TS.ForInStatement;
      const iterated = e.evaluate(f.expression);
      // for-in yields keys, which are names, not values.
      const element: Value = ts.isForOfStatement(f) ? { ...(deepTaints(iterated) ? { taints: deepTaints(iterated)! } : {}) } : CLEAN;
      const saved = e.scope;
      e.scope = new Scope(saved, e.frame.info);
      e.conditional++;
      if (ts.isVariableDeclarationList(f.initializer)) {
        for (const d of f.initializer.declarations) declarePattern(e, d.name, element, undefined, d.type);
      } else e.assignTo(f.initializer, element);
      walkStatement(e, f.statement);
      e.conditional--;
      e.scope = saved;
      return;
    }
    case e.SK.WhileStatement:
    case e.SK.DoStatement: {
      const w = s as TS.WhileStatement | TS.DoStatement;
      e.evaluate(w.expression);
      branch(e, w.statement);
      return;
    }
    case e.SK.SwitchStatement: {
      const sw = s as TS.SwitchStatement;
      e.evaluate(sw.expression);
      e.conditional++;
      for (const clause of sw.caseBlock.clauses) {
        if (ts.isCaseClause(clause)) e.evaluate(clause.expression);
        inBlock(e, clause.statements);
      }
      e.conditional--;
      return;
    }
    case e.SK.TryStatement: {
      const t = s as TS.TryStatement;
      e.conditional++;
      inBlock(e, t.tryBlock.statements);
      if (t.catchClause) {
        const saved = e.scope;
        e.scope = new Scope(saved, e.frame.info);
        if (t.catchClause.variableDeclaration) declarePattern(e, t.catchClause.variableDeclaration.name, CLEAN, undefined, undefined);
        walkStatements(e, t.catchClause.block.statements);
        e.scope = saved;
      }
      if (t.finallyBlock) inBlock(e, t.finallyBlock.statements);
      e.conditional--;
      return;
    }
    case e.SK.LabeledStatement:
      walkStatement(e, (s as TS.LabeledStatement).statement);
      return;
    case e.SK.FunctionDeclaration: {
      const f = s as TS.FunctionDeclaration;
      if (!f.name && f.body) {
        const info = newFunction(e, f, 'default', entryPointOf(e, f, 'default', false, true));
        e.frame.deferred.push(info);
      } else if (f.name) {
        const b = e.scope.lookup(f.name.text);
        if (b?.value.fn && b.value.fn.node === f) e.frame.deferred.push(b.value.fn);
      }
      return;
    }
    case e.SK.ClassDeclaration: {
      const c = s as TS.ClassDeclaration;
      const cls = walkClass(e, c);
      if (c.name) e.scope.declare({ name: c.name.text, value: { cls }, owner: e.frame.info, decl: c.name });
      return;
    }
    case e.SK.ExportAssignment:
      e.evaluate((s as TS.ExportAssignment).expression);
      return;
    case e.SK.ModuleDeclaration: {
      const body = (s as TS.ModuleDeclaration).body;
      if (body && ts.isModuleBlock(body)) inBlock(e, body.statements);
      return;
    }
    case e.SK.ImportDeclaration:
      declareImport(e, s as TS.ImportDeclaration);
      return;
    default:
      return;
  }
}

function declareVariables(e: Engine, list: TS.VariableDeclarationList, exported: boolean): void {
  const ts = e.ts;
  const isVar = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0;
  for (const d of list.declarations) {
    let value: Value = CLEAN;
    if (d.initializer) {
      const init = e.syntax.unwrap(d.initializer);
      if (ts.isIdentifier(d.name) && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
        // `const handler = async () => …`: the variable names the function.
        const info = newFunction(e, init, d.name.text, entryPointOf(e, init, d.name.text, false, exported));
        e.frame.deferred.push(info);
        value = { fn: info };
      } else value = e.evaluate(d.initializer);
    }
    declarePattern(e, d.name, value, d.initializer, d.type, isVar ? e.frame.varScope : e.scope);
  }
}

function declareImport(e: Engine, node: TS.ImportDeclaration): void {
  const ts = e.ts;
  const clause = node.importClause;
  if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const module = node.moduleSpecifier.text;
  const declare = (id: TS.Identifier, value: Value) => {
    const binding = { name: id.text, value: CLEAN, owner: undefined, decl: id };
    // `import { OPENAI_API_KEY } from './env'`: an imported binding is named like any other.
    const seeded = value.kind && value.kind !== 'module' ? value : seedByName(e, id.text, CLEAN, { nameNode: id, binding });
    binding.value = seeded.taints ? seeded : value;
    e.scope.declare(binding);
  };
  const whole = (name: string) => {
    const value = e.moduleValue(module, name);
    return value.kind ? value : { kind: 'module' as const, module };
  };
  if (clause.name) declare(clause.name, whole('default'));
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) declare(bindings.name, whole('*'));
  if (bindings && ts.isNamedImports(bindings)) {
    for (const el of bindings.elements) declare(el.name, e.moduleValue(module, (el.propertyName ?? el.name).text));
  }
}

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

function returnValue(e: Engine, expression: TS.Expression, at: TS.Node): void {
  const value = e.evaluate(expression);
  e.frame.returned = join(e.frame.returned, value);
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', at, value, `the return value of ${e.frame.info.name}`);
}

export function yieldValue(e: Engine, node: TS.YieldExpression, value: Value): void {
  if (e.frame.info?.isEntryPoint) e.sink('no-secret-in-output', node, value, `what ${e.frame.info.name} yields`);
}

function throwValue(e: Engine, s: TS.ThrowStatement): void {
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
      value = { taints: [taint] };
    }
    if (p.initializer) value = join(value, e.evaluate(p.initializer));
    if (ts.isIdentifier(p.name)) {
      const binding = { name: p.name.text, value: CLEAN, owner: info, decl: p.name };
      binding.value = seedByName(e, p.name.text, value, { nameNode: p.name, type: p.type, init: p.initializer, binding, paramOf: info });
      scope.declare(binding);
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

/** Analyses a class: field initialisers, constructor, then methods; once more if a method stored a secret in a field an earlier one read. */
export function walkClass(e: Engine, node: TS.ClassLikeDeclaration): ClassInfo {
  const ts = e.ts;
  const cls: ClassInfo = { name: node.name?.text ?? 'anonymous class', node, fields: new Map(), methods: new Map(), stale: false, readFields: new Set(), isError: isErrorClass(e, node) };
  const savedClass = e.frame.thisClass;
  const order: FunctionInfo[] = [];
  e.frame.thisClass = cls;
  for (const m of node.members) {
    const name = e.syntax.propertyName(m.name);
    if (ts.isConstructorDeclaration(m) && m.body) {
      const info = newFunction(e, m, `${cls.name} constructor`, false, cls);
      cls.methods.set('constructor', info);
      order.unshift(info);
    } else if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && m.body && name !== undefined) {
      const info = newFunction(e, m, name, entryPointOf(e, m, name, true, false), cls);
      if (!ts.isSetAccessorDeclaration(m)) cls.methods.set(name, info);
      order.push(info);
    } else if (ts.isPropertyDeclaration(m) && name !== undefined && m.initializer) {
      const init = e.syntax.unwrap(m.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
        const info = newFunction(e, init, name, entryPointOf(e, init, name, true, false), cls);
        cls.methods.set(name, info);
        order.push(info);
      } else {
        const value = e.evaluate(m.initializer);
        cls.fields.set(name, seedByName(e, name, value, { nameNode: m.name, init: m.initializer, type: m.type }));
      }
    } else if (ts.isClassStaticBlockDeclaration(m)) inBlock(e, m.body.statements);
  }
  for (const info of order) analyzeFunction(e, info);
  if (cls.stale) {
    cls.stale = false;
    for (const info of order) {
      info.state = 'new';
      analyzeFunction(e, info);
    }
  }
  e.frame.thisClass = savedClass;
  return cls;
}

function isErrorClass(e: Engine, node: TS.ClassLikeDeclaration): boolean {
  const ts = e.ts;
  const heritage = node.heritageClauses?.find((h) => h.token === e.SK.ExtendsKeyword)?.types[0];
  if (!heritage) return false;
  const base = e.syntax.dotted(heritage.expression);
  if (base === undefined) return false;
  const local = e.scope.lookup(base)?.value.cls;
  if (local) return local.isError;
  return e.isErrorName(base.slice(base.lastIndexOf('.') + 1));
}

/** `this.x` read: what the class stored there (and whether a later store must trigger a second pass). */
export function readField(cls: ClassInfo, name: string): Value | undefined {
  cls.readFields.add(name);
  return cls.fields.get(name);
}

export function writeField(cls: ClassInfo, name: string, value: Value): void {
  const before = cls.fields.get(name);
  const next = before ? join(before, value) : value;
  cls.fields.set(name, next);
  if (cls.readFields.has(name) && (deepTaints(next)?.length ?? 0) > (deepTaints(before ?? CLEAN)?.length ?? 0)) cls.stale = true;
}
