import type * as TS from 'typescript';
import { Engine, type CalleeResolver } from './engine.js';
import type { FunctionSummary } from './summary.js';
import { flowTables } from './tables.js';
import type { AnalyzeOptions, FlowLocation, FlowResult } from './types.js';
import { Scope, join, withStep, type Binding, type ClassInfo, type FunctionInfo, type Value } from './value.js';
import { drainDeferred, walkSourceFile } from './walker.js';

/**
 * What the engine knows of a module-level binding (an exported object, a logger, a function, a class), handed
 * to the files that import it. Opaque outside the engine.
 */
export interface ModuleValue {
  readonly __moduleValue: never;
}

/** The value `import { name } from 'module'` (or `require('module')`) binds, when it comes from the program. */
export type ImportResolver = (module: string, name: string) => ModuleValue | undefined;

export interface ProgramFileOptions extends AnalyzeOptions {
  resolveCallee?: CalleeResolver;
  resolveImport?: ImportResolver;
}

export interface ProgramFileAnalysis {
  /** Results of this file; a result or step in another file carries that file's `fileName`. */
  results: FlowResult[];
  /** One summary per function-like node, every step stamped with its file. */
  summaries: Map<TS.Node, FunctionSummary>;
  /** The final value of a module-level declaration (variable, function, class, `export default`). */
  valueOf(declaration: TS.Node): ModuleValue | undefined;
}

/**
 * The module scope of a program file. Import handling may replace an imported binding's value by what its name
 * suggests (an ambiguous `auth` becomes a candidate); a binding imported from the program keeps the value the
 * analysis of its module found, joined with that.
 */
class ModuleScope extends Scope {
  imported: Value | undefined;

  constructor(private readonly importKinds: ReadonlySet<number>) {
    super(undefined, undefined);
  }

  override declare(binding: Binding): Binding {
    const imported = this.imported;
    this.imported = undefined;
    if (imported && this.isImportName(binding)) {
      const decl = (binding as { decl?: TS.Node }).decl;
      const arrived = decl ? withImportStep(imported, { start: decl.getStart(), end: decl.getEnd(), note: `imported as \`${binding.name}\`` }) : imported;
      binding.value = binding.value === imported ? arrived : join(arrived, binding.value);
    }
    return super.declare(binding);
  }

  private isImportName(binding: Binding): boolean {
    const parent = (binding as { decl?: TS.Node }).decl?.parent;
    return parent === undefined || this.importKinds.has(parent.kind);
  }
}

/** An engine whose imports of program modules resolve to what the analysis of those modules found. */
class ProgramEngine extends Engine {
  private readonly moduleScope: ModuleScope;

  constructor(
    input: ConstructorParameters<typeof Engine>[0],
    private readonly resolveImport: ImportResolver | undefined,
  ) {
    super(input);
    const k = input.ts.SyntaxKind;
    this.moduleScope = new ModuleScope(new Set([k.ImportSpecifier, k.ImportClause, k.NamespaceImport]));
    this.scope = this.moduleScope;
    this.frame.varScope = this.moduleScope;
  }

  /**
   * A parameter stored in a field (`this.auth = auth` in a constructor) and sunk by a method analysed later: the
   * sink belongs to the finished function's summary, so `new Client(secret)` reports the method's sink.
   */
  override summaryOf(fn: FunctionInfo): FunctionSummary | undefined {
    const running = super.summaryOf(fn);
    if (running || fn.state !== 'done' || fn.node.getSourceFile() !== this.sf) return running;
    return fn.summary;
  }

  /** `constructor(private readonly auth: string)`: `this.auth` in a method is that constructor parameter. */
  override member(object: Value, key: string, nameNode: TS.Node, dotted?: string): Value {
    const value = super.member(object, key, nameNode, dotted);
    const cls = object.cls;
    if (!cls || cls.fields.has(key)) return value;
    const ctor = cls.methods.get('constructor');
    const index = ctor ? ctor.node.parameters.findIndex((p) => isParameterProperty(this.ts, p, key)) : -1;
    if (!ctor || index < 0) return value;
    const name = ctor.node.parameters[index]!.name;
    const step: FlowLocation = { start: name.getStart(this.sf), end: name.getEnd(), note: `parameter \`${key}\` of ${ctor.name}, kept in this.${key}` };
    return join(value, { taints: [{ origin: { kind: 'param', index, fn: ctor }, path: [step] }] });
  }

  override moduleValue(module: string, name: string): Value {
    const imported = this.resolveImport?.(module, name) as unknown as Value | undefined;
    this.moduleScope.imported = imported;
    if (!imported) return super.moduleValue(module, name);
    // A whole-module import (`* as`, default) without a kind of its own is marked as a module, which import
    // handling keeps as it is (instead of replacing it with an opaque module value).
    return imported.kind || (name !== '*' && name !== 'default') ? imported : { ...imported, kind: 'module', module };
  }
}

/**
 * One file of a whole program: the same walk as `analyzeFile`, plus imported bindings resolved across files and
 * every location stamped with `fileName`, so that summaries and values can travel to other files.
 */
export function analyzeProgramFile(ts: typeof TS, sourceFile: TS.SourceFile, options: ProgramFileOptions = {}): ProgramFileAnalysis {
  const engine = new ProgramEngine(
    {
      ts,
      sourceFile,
      tables: flowTables(options),
      ...(options.checker ? { checker: options.checker } : {}),
      ...(options.resolveCallee ? { resolveCallee: options.resolveCallee } : {}),
    },
    options.resolveImport,
  );
  walkSourceFile(engine);
  const stamp = new Stamper(sourceFile.fileName);
  for (const summary of engine.summaries.values()) stamp.summary(summary);
  const results = engine.results.list();
  for (const r of results) stamp.path(r.path);
  const moduleScope = engine.scope;
  // Each declaration is evaluated once per run: importers ask again and again, and a module cycle (an index that
  // requires configs whose getters require the index) would otherwise evaluate itself without end.
  const exported = new Map<TS.Node, ModuleValue | undefined | typeof PENDING>();
  const valueOf = (declaration: TS.Node): ModuleValue | undefined => {
    const known = exported.get(declaration);
    if (known === PENDING) return undefined;
    if (known !== undefined || exported.has(declaration)) return known;
    exported.set(declaration, PENDING);
    const value = declaredValue(engine, moduleScope, declaration);
    const out = value ? (stamp.value(value), forImporters(value) as unknown as ModuleValue) : undefined;
    exported.set(declaration, out);
    return out;
  };
  return { results, summaries: engine.summaries, valueOf };
}

function declaredValue(engine: Engine, moduleScope: Engine['scope'], declaration: TS.Node): Value | undefined {
  const ts = engine.ts;
  const named = (name: TS.Node | undefined) => (name && ts.isIdentifier(name) ? moduleScope.lookup(name.text)?.value : undefined);
  if (ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) return named(declaration.name);
  if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return named(declaration.name);
  // `export default x`; CommonJS `module.exports = x`, `exports.name = x` (the checker declares the assignment
  // or its target).
  let exported: TS.Expression | undefined;
  if (ts.isExportAssignment(declaration)) exported = declaration.expression;
  else if (ts.isBinaryExpression(declaration)) exported = declaration.right;
  else if (ts.isPropertyAccessExpression(declaration) && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration) exported = declaration.parent.right;
  if (!exported) return undefined;
  const expression = engine.syntax.unwrap(exported);
  if (ts.isIdentifier(expression)) return named(expression);
  // Evaluated once more at module level: its sinks were reported by the walk (results keep one per span).
  const saved = engine.scope;
  engine.scope = moduleScope;
  const value = engine.evaluate(exported);
  drainDeferred(engine);
  engine.scope = saved;
  return value;
}

/** Marks a declaration whose value is being computed (a module cycle asks for it again meanwhile). */
const PENDING = Symbol('pending');

/** Gives every location the engine created for this file its file name (locations from other files have theirs). */
class Stamper {
  private readonly seen = new Set<object>();
  /**
   * Values reached through imports are copies, so a module graph with cycles (a plugin's index that requires
   * configs that require the index) can nest copies beyond counting: the walk stops after this many values.
   */
  private budget = 20_000;
  constructor(private readonly fileName: string) {}

  path(path: readonly FlowLocation[]): void {
    for (const step of path) if (step.fileName === undefined) step.fileName = this.fileName;
  }

  summary(summary: FunctionSummary): void {
    if (this.seen.has(summary)) return;
    this.seen.add(summary);
    for (const s of summary.paramSinks) {
      if (s.fileName === undefined) s.fileName = this.fileName;
      this.path(s.path);
    }
    for (const r of summary.paramReturns) this.path(r.path);
    for (const r of summary.returnSources) this.path(r.path);
    for (const c of summary.paramCalls ?? []) this.path(c.path);
    if (summary.returnText) summary.returnText.fileName ??= this.fileName;
  }

  value(value: Value, depth = 0): void {
    if (this.seen.has(value) || depth > 6 || this.budget <= 0) return;
    this.budget--;
    this.seen.add(value);
    for (const t of value.taints ?? []) this.path(t.path);
    for (const p of value.props?.values() ?? []) this.value(p, depth + 1);
    if (value.fn?.summary) this.summary(value.fn.summary);
    if (value.cls) this.classInfo(value.cls, depth);
  }

  private classInfo(cls: ClassInfo, depth: number): void {
    if (this.seen.has(cls)) return;
    this.seen.add(cls);
    for (const field of cls.fields.values()) this.value(field, depth + 1);
    for (const method of cls.methods.values()) if (method.summary) this.summary(method.summary);
  }
}

/** `import * as config from './config'`: an object whose members are the module's exports. */
export function namespaceValue(members: ReadonlyMap<string, ModuleValue>): ModuleValue {
  const props = new Map<string, Value>();
  for (const [name, value] of members) props.set(name, value as unknown as Value);
  return { props } as unknown as ModuleValue;
}

/** A short text that changes when what importers can learn from the value changes (fixpoint detection). */
export function describeModuleValue(value: ModuleValue): string {
  return describe(value as unknown as Value, 0);
}

function describe(v: Value, depth: number): string {
  // Classes may hold instances of themselves: the description stops at a fixed depth.
  if (depth > 3) return '';
  const parts: string[] = [];
  if (v.kind) parts.push(v.kind);
  if (v.safe) parts.push('safe');
  for (const t of v.taints ?? []) if (t.origin.kind === 'source') parts.push(`<${t.origin.label}>`);
  if (v.fn?.summary) parts.push(`fn(${describeSummary(v.fn.summary)})`);
  if (v.cls) parts.push(`class ${v.cls.name}(${[...v.cls.fields].map(([k, f]) => `${k}=${describe(f, depth + 1)}`).join(',')})`);
  if (v.props) parts.push(`{${[...v.props].map(([k, p]) => `${k}:${describe(p, depth + 1)}`).join(',')}}`);
  return parts.join(' ');
}

/** The facts of a summary that callers use, without its paths. */
export function describeSummary(s: FunctionSummary): string {
  const sinks = s.paramSinks.map((p) => `${p.param}>${p.ruleId}@${p.fileName ?? ''}:${p.start}`);
  const returns = s.paramReturns.map((p) => `${p.param}>return`);
  const sources = s.returnSources.map((r) => `<${r.label}>`);
  const callbacks = (s.paramCalls ?? []).map((c) => `${c.param}(${c.arg}<${c.source?.label ?? c.from?.param}>)`);
  return [...sinks, ...returns, ...sources, ...callbacks, s.returnKind ?? ''].join(';');
}

function isParameterProperty(ts: typeof TS, parameter: TS.ParameterDeclaration, name: string): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.isParameterPropertyDeclaration(parameter, parameter.parent);
}

/** The imported value with the import on the path of each secret it carries (members included, a few levels). */
function withImportStep(value: Value, step: FlowLocation, depth = 0): Value {
  const stepped = withStep(value, step);
  if (!value.props || depth >= 3) return stepped;
  const props = new Map<string, Value>();
  for (const [key, member] of value.props) props.set(key, withImportStep(member, step, depth + 1));
  return { ...stepped, props };
}

const importedClasses = new WeakMap<ClassInfo, ClassInfo>();

/**
 * A module's value as other files see it. Their engines must not re-walk this file's methods (positions are
 * read in the file being analysed), so an imported class does not re-analyse its methods per construction:
 * what its constructor parameters reach comes through the constructor's summary instead.
 */
function forImporters(value: Value, depth = 0): Value {
  let out = value;
  if (value.cls) {
    let imported = importedClasses.get(value.cls);
    if (!imported) {
      imported = { ...value.cls };
      imported.fieldsFromParams = new Map();
      importedClasses.set(value.cls, imported);
    }
    out = { ...out, cls: imported };
  }
  if (value.props && depth < 3) {
    const props = new Map<string, Value>();
    for (const [key, member] of value.props) props.set(key, forImporters(member, depth + 1));
    out = { ...out, props };
  }
  return out;
}
