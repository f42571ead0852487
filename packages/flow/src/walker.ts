import type * as TS from 'typescript';
import { declarePattern, seedByName } from './bindings.js';
import { walkClass } from './classes.js';
import type { Engine } from './engine.js';
import { drainDeferred, entryPointOf, newFunction, returnValue, throwValue } from './functions.js';
import { developmentOnly } from './development-only.js';
import { safeNamesInBranch } from './narrowing.js';
import { CLEAN, SAFE, Scope, deepTaints, elementOf, withStep, type Taint, type Value } from './value.js';

// Re-exported for callers that drive a walk themselves (program.ts).
export { drainDeferred } from './functions.js';

/** Walks statements once, in order, keeping scopes, class fields and per-function summaries up to date. */
export function walkSourceFile(e: Engine): void {
  walkStatements(e, e.sf.statements);
  drainDeferred(e);
  e.finish();
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

export function inBlock(e: Engine, statements: readonly TS.Statement[]): void {
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

/** Walks a branch, counting it as development-only when its condition says so (development-only.ts). */
function developmentBranch(e: Engine, condition: TS.Expression, whenTrue: boolean, walk: () => void): void {
  const only = developmentOnly(e, condition, whenTrue);
  if (only) e.developmentOnly++;
  walk();
  if (only) e.developmentOnly--;
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
      developmentBranch(e, i.expression, true, () => narrowedBranch(e, i.thenStatement, safeNamesInBranch(e, i.expression, true)));
      if (i.elseStatement) developmentBranch(e, i.expression, false, () => narrowedBranch(e, i.elseStatement!, safeNamesInBranch(e, i.expression, false)));
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
      const element: Value = ts.isForOfStatement(f) ? elementOf(iterated) : CLEAN;
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
      e.tryRequests.push([]);
      inBlock(e, t.tryBlock.statements);
      const requested = e.tryRequests.pop()!;
      if (t.catchClause) {
        const saved = e.scope;
        e.scope = new Scope(saved, e.frame.info);
        const declared = t.catchClause.variableDeclaration;
        if (declared) declarePattern(e, declared.name, caughtError(e, declared.name, requested), undefined, undefined);
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

/** The error a `catch` receives: one that keeps the requests of its `try` block when their library does so. */
function caughtError(e: Engine, name: TS.Node, requested: readonly Taint[]): Value {
  if (requested.length === 0) return CLEAN;
  return withStep({ kind: 'requestError', taints: requested }, e.loc(name, 'caught: the error keeps the request it failed on (its headers and options)'));
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
