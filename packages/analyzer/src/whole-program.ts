import type * as TS from 'typescript';
import { ts } from 'ts-morph';
import {
  analyzeProgramFile,
  describeModuleValue,
  describeSummary,
  namespaceValue,
  type FlowOptions,
  type FlowResult,
  type FunctionSummary,
  type ModuleValue,
  type ProgramFileAnalysis,
} from '@secret-hygiene/flow';
import type { LoadedProject } from './load.js';
import { Symbols } from './symbols.js';

/** How many times one file may be analysed while summaries settle (cycles between files). */
export const MAX_RUNS_PER_FILE = 4;

export interface ProgramResults {
  /** Results by the file whose analysis produced them (a result's own `fileName` may name another file). */
  results: Map<string, FlowResult[]>;
  /** Files the engine failed on, with the reason; the rest of the program is analysed without them. */
  failures: Map<string, string>;
  /** File analyses run in all (at least one per file, more when summaries changed in an import cycle). */
  runs: number;
}

/** The engine wants the `typescript` package's types; ts-morph bundles the same compiler under its own. */
const engineTs = ts as unknown as typeof TS;

/**
 * Runs the flow engine over `files` of a program in dependency order, handing each file the summaries and
 * module-level values of the files it calls and imports, and re-running files whose callees' facts changed,
 * at most MAX_RUNS_PER_FILE times each (a bounded fixpoint: recursion and cycles terminate).
 */
export function analyzeWholeProgram(project: LoadedProject, files: readonly ts.SourceFile[], options: FlowOptions, onFirstRun?: () => void): ProgramResults {
  return new WholeProgram(project, files, options, onFirstRun).run();
}

class WholeProgram {
  private readonly symbols: Symbols;
  private readonly members: Set<string>;
  private readonly analyses = new Map<string, ProgramFileAnalysis>();
  private readonly summaries = new Map<ts.Node, FunctionSummary>();
  /** Function names with a summary that says something (the cheap filter before asking the checker). */
  private readonly summarised = new Map<string, number>();
  /** Which files asked for a key (`fn:<name>`, `file:<path>`): they are re-run when its facts change. */
  private readonly askers = new Map<string, Set<string>>();
  /** Calls skipped by the name filter, by callee name: resolved when a function of that name gets a summary. */
  private readonly unresolved = new Map<string, Array<{ asker: string; call: ts.CallExpression | ts.NewExpression }>>();
  private readonly published = new Map<string, Map<string, string>>();
  private readonly runsOf = new Map<string, number>();
  private readonly failures = new Map<string, string>();
  private current = '';
  private runs = 0;

  constructor(
    private readonly project: LoadedProject,
    private readonly files: readonly ts.SourceFile[],
    private readonly options: FlowOptions,
    /** Told when a file has been analysed once (progress reporting). */
    private readonly onFirstRun?: () => void,
  ) {
    this.symbols = new Symbols(project.checker);
    this.members = new Set(files.map((f) => f.fileName));
  }

  run(): ProgramResults {
    const queue = this.dependencyOrder();
    const queued = new Set(queue.map((f) => f.fileName));
    while (queue.length > 0) {
      const file = queue.shift()!;
      queued.delete(file.fileName);
      const dependents = this.analyse(file);
      if (this.runsOf.get(file.fileName) === 1) this.onFirstRun?.();
      for (const dependent of dependents) {
        if (queued.has(dependent) || (this.runsOf.get(dependent) ?? 0) >= MAX_RUNS_PER_FILE) continue;
        const sf = this.project.program.getSourceFile(dependent);
        if (!sf) continue;
        queue.push(sf);
        queued.add(dependent);
      }
    }
    const results = new Map<string, FlowResult[]>();
    for (const [file, analysis] of this.analyses) results.set(file, analysis.results);
    return { results, failures: this.failures, runs: this.runs };
  }

  /** Analyses one file; returns the files to run again because facts they used have changed. */
  private analyse(file: ts.SourceFile): string[] {
    this.current = file.fileName;
    this.runs++;
    this.runsOf.set(file.fileName, (this.runsOf.get(file.fileName) ?? 0) + 1);
    let analysis: ProgramFileAnalysis;
    try {
      analysis = analyzeProgramFile(engineTs, file as unknown as TS.SourceFile, {
        ...this.options,
        checker: this.project.checker as unknown as TS.TypeChecker,
        resolveCallee: (call) => this.calleeSummary(call as unknown as ts.CallExpression),
        resolveImport: (module, name) => this.importedValue(file, module, name),
      });
    } catch (error) {
      this.failures.set(file.fileName, String((error as Error)?.message ?? error).split('\n')[0]!);
      this.analyses.delete(file.fileName);
      return [];
    }
    this.failures.delete(file.fileName);
    this.analyses.set(file.fileName, analysis);
    for (const [node, summary] of analysis.summaries) this.summaries.set(node as unknown as ts.Node, summary);
    const changed = this.publish(file, analysis);
    const dependents = new Set<string>();
    for (const key of changed) {
      if (key.startsWith('fn:')) this.settleUnresolved(key.slice(3));
    }
    for (const key of changed) for (const asker of this.askers.get(key) ?? []) if (asker !== file.fileName) dependents.add(asker);
    return [...dependents];
  }

  /** Calls to `name` that the filter skipped: now resolved through the checker, they depend on their target's file. */
  private settleUnresolved(name: string): void {
    const pending = this.unresolved.get(name);
    if (!pending) return;
    this.unresolved.delete(name);
    const saved = this.current;
    for (const { asker, call } of pending) {
      this.current = asker;
      for (const declaration of this.symbols.calleeDeclarations(call)) this.ask(`file:${declaration.getSourceFile().fileName}`);
    }
    this.current = saved;
  }

  private ask(key: string): void {
    let set = this.askers.get(key);
    if (!set) this.askers.set(key, (set = new Set()));
    set.add(this.current);
  }

  /** A call the engine could not resolve in its file: the summary of its target, found through the checker. */
  private calleeSummary(call: ts.CallExpression | ts.NewExpression): FunctionSummary | undefined {
    const name = calleeName(call);
    if (name === undefined) return undefined;
    if (!this.summarised.has(name)) {
      // No function of that name says anything yet; one may later (a file not yet analysed): look again then.
      let pending = this.unresolved.get(name);
      if (!pending) this.unresolved.set(name, (pending = []));
      pending.push({ asker: this.current, call });
      return undefined;
    }
    let found: FunctionSummary | undefined;
    for (const declaration of this.symbols.calleeDeclarations(call)) {
      this.ask(`file:${declaration.getSourceFile().fileName}`);
      found ??= this.summaries.get(declaration);
    }
    return found;
  }

  /** `import { name } from 'module'` in `from`: the value the analysis of that module gave the export. */
  private importedValue(from: ts.SourceFile, module: string, name: string): ModuleValue | undefined {
    const moduleSymbol = this.symbols.moduleSymbol(from, module);
    const target = moduleSymbol ? Symbols.fileOf(moduleSymbol) : undefined;
    if (!moduleSymbol || !target || !this.members.has(target.fileName)) return undefined;
    this.ask(`file:${target.fileName}`);
    // `require('./x')` of a module that only sets `exports.name = …` binds all of its exports.
    const whole = name === '*' || (name === 'default' && !this.symbols.exportDeclaration(moduleSymbol, 'default'));
    if (whole) {
      const members = new Map<string, ModuleValue>();
      for (const [exportName] of this.symbols.exportsOf(moduleSymbol)) {
        const value = this.exportValue(moduleSymbol, exportName);
        if (value) members.set(exportName, value);
      }
      return namespaceValue(members);
    }
    return this.exportValue(moduleSymbol, name);
  }

  private exportValue(moduleSymbol: ts.Symbol, name: string): ModuleValue | undefined {
    const declaration = this.symbols.exportDeclaration(moduleSymbol, name);
    if (!declaration) return undefined;
    const owner = declaration.getSourceFile().fileName;
    if (owner !== this.current) this.ask(`file:${owner}`);
    return this.analyses.get(owner)?.valueOf(declaration as unknown as TS.Node);
  }

  /** Records what the file tells its importers and callers; returns the keys whose facts changed. */
  private publish(file: ts.SourceFile, analysis: ProgramFileAnalysis): string[] {
    const facts = new Map<string, string>();
    for (const [node, summary] of analysis.summaries) {
      const text = describeSummary(summary);
      if (text.replace(/;/g, '') === '') continue;
      const name = functionName(node as unknown as ts.Node);
      if (name === undefined) continue;
      const key = `fn:${name}`;
      facts.set(key, `${facts.get(key) ?? ''}|${text}`);
    }
    facts.set(`file:${file.fileName}`, this.exportsFacts(file, analysis));
    const before = this.published.get(file.fileName) ?? new Map<string, string>();
    const changed: string[] = [];
    for (const key of new Set([...before.keys(), ...facts.keys()])) {
      if (before.get(key) !== facts.get(key)) changed.push(key);
    }
    const fileKey = `file:${file.fileName}`;
    if (changed.length > 0 && !changed.includes(fileKey)) changed.push(fileKey);
    for (const key of before.keys()) if (key.startsWith('fn:')) this.count(key.slice(3), -1);
    for (const key of facts.keys()) if (key.startsWith('fn:')) this.count(key.slice(3), 1);
    this.published.set(file.fileName, facts);
    return changed;
  }

  private count(name: string, delta: number): void {
    const n = (this.summarised.get(name) ?? 0) + delta;
    if (n > 0) this.summarised.set(name, n);
    else this.summarised.delete(name);
  }

  private exportsFacts(file: ts.SourceFile, analysis: ProgramFileAnalysis): string {
    const module = this.symbols.resolve(file) ?? (file as unknown as { symbol?: ts.Symbol }).symbol;
    if (!module) return '';
    const parts: string[] = [];
    for (const [name, symbol] of this.symbols.exportsOf(module)) {
      const declaration = this.symbols.declarationOf(symbol);
      if (!declaration || declaration.getSourceFile() !== file) continue;
      const value = analysis.valueOf(declaration as unknown as TS.Node);
      if (value) parts.push(`${name}=${describeModuleValue(value)}`);
    }
    return parts.join('\n');
  }

  /** Files before the files that import them (depth-first post-order); cycles are left to the fixpoint. */
  private dependencyOrder(): ts.SourceFile[] {
    const order: ts.SourceFile[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (root: ts.SourceFile) => {
      // An explicit stack: deep import chains must not overflow the call stack.
      const stack: Array<{ file: ts.SourceFile; deps: ts.SourceFile[] | undefined; next: number }> = [{ file: root, deps: undefined, next: 0 }];
      state.set(root.fileName, 'visiting');
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        top.deps ??= this.importsOf(top.file);
        const dep = top.deps[top.next++];
        if (dep) {
          if (!state.has(dep.fileName)) {
            state.set(dep.fileName, 'visiting');
            stack.push({ file: dep, deps: undefined, next: 0 });
          }
          continue;
        }
        stack.pop();
        state.set(top.file.fileName, 'done');
        order.push(top.file);
      }
    };
    for (const file of this.files) if (!state.has(file.fileName)) visit(file);
    return order;
  }

  private importsOf(file: ts.SourceFile): ts.SourceFile[] {
    const out: ts.SourceFile[] = [];
    for (const statement of file.statements) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (specifier === undefined) continue;
      if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
      const module = this.symbols.moduleSymbol(file, specifier);
      const target = module ? Symbols.fileOf(module) : undefined;
      if (target && this.members.has(target.fileName) && target !== file) out.push(target);
    }
    return out;
  }
}

/** The name a call uses for its target: `f` in `f()`, `send` in `client.send()`. */
function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The name callers use for a function-like node: its own, or the variable or property holding it. */
function functionName(node: ts.Node): string | undefined {
  const own = (node as ts.Node & { name?: ts.Node }).name;
  if (own && (ts.isIdentifier(own) || ts.isPrivateIdentifier(own))) return own.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) {
    return parent.name.text;
  }
  if (ts.isFunctionDeclaration(node) && !node.name) return 'default';
  return undefined;
}
