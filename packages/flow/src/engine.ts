import type * as TS from 'typescript';
import { defaultUrlClassifier, type UrlClassifier } from '@secret-hygiene/core';
import { NameJudge } from './names.js';
import { ResultSet, flowMessage, severityOf, sinkStep } from './report.js';
import { emptySummary, type FunctionSummary, type ReturnText } from './summary.js';
import { Syntax } from './syntax.js';
import type { FlowTables } from './tables.js';
import type { FlowLocation, FlowResult, FlowRuleId } from './types.js';
import { TypeFacts } from './typefacts.js';
import { kindsOf, type Kinds } from './kinds.js';
import { applySummary } from './calls.js';
import { assignTo, evaluate, memberOf } from './evaluate.js';
import { moduleValue } from './modules.js';
import { analyzeFunction } from './functions.js';
import { noteSummaryUse } from './classes.js';
import { notCredential } from './ambiguous.js';
import { squash } from './tables.js';
import {
  CLEAN,
  Scope,
  NodeStep,
  appendStep,
  materialize,
  deepTaints,
  shownTaints,
  isTainted,
  join,
  type Binding,
  type ClassInfo,
  type FunctionInfo,
  type Taint,
  type Value,
} from './value.js';

/** Resolves a call to a function defined elsewhere (another file) to its summary; used by whole-program callers. */
export type CalleeResolver = (call: TS.CallExpression | TS.NewExpression) => FunctionSummary | undefined;

export interface EngineInput {
  ts: typeof TS;
  sourceFile: TS.SourceFile;
  tables: FlowTables;
  checker?: TS.TypeChecker;
  resolveCallee?: CalleeResolver;
}

/** Per-function state while its body is walked. */
export interface FunctionFrame {
  info: FunctionInfo | undefined;
  summary: FunctionSummary | undefined;
  returned: Value;
  /** Nested functions not yet analysed (analysed when called, or at the end of this frame). */
  deferred: FunctionInfo[];
  /** Scope where `var` declarations land. */
  varScope: Scope;
  thisClass: ClassInfo | undefined;
  /** Accumulates what `resolve(x)` in a Promise executor resolves with. */
  resolved: Value[];
  /** The frame that was current when this function's analysis started (closures record into it). */
  parent: FunctionFrame | undefined;
  /** What every return so far returns as text (null: returns disagree or are not text). */
  returnText?: ReturnText | null;
  /** The values a call handed this function (a callback or an IIFE); without them, parameters stand for callers. */
  seeds?: readonly Value[];
}

/**
 * State shared by the statement walker (walker.ts), the expression evaluator (evaluate.ts) and the call
 * rules (calls.ts): scopes, the current function, results, summaries and the catalog tables.
 */
function sameAccess(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return (a ?? []).join('.') === (b ?? []).join('.');
}

const judges = new WeakMap<FlowTables, NameJudge>();

/** One name judge per option set, so its memos outlive a single file. */
export function judgeFor(tables: FlowTables): NameJudge {
  let judge = judges.get(tables);
  if (!judge) {
    judge = new NameJudge(tables);
    judges.set(tables, judge);
  }
  return judge;
}

const syntaxKinds = new WeakMap<typeof TS, Kinds>();

function cachedKinds(ts: typeof TS): Kinds {
  let kinds = syntaxKinds.get(ts);
  if (!kinds) {
    kinds = kindsOf(ts);
    syntaxKinds.set(ts, kinds);
  }
  return kinds;
}

/** A key or token made here for the caller, reaching an output: theirs to receive, which is what it was made for. */
function handedBackToItsOwner(ruleId: FlowRuleId, origin: Taint['origin']): boolean {
  return ruleId === 'no-secret-in-output' && origin.kind === 'source' && origin.minted === true;
}

export class Engine {
  readonly ts: typeof TS;
  readonly SK: Kinds;
  readonly sf: TS.SourceFile;
  readonly syntax: Syntax;
  readonly tables: FlowTables;
  readonly names: NameJudge;
  readonly urls: UrlClassifier = defaultUrlClassifier();
  readonly types: TypeFacts | undefined;
  readonly resolveCallee: CalleeResolver | undefined;
  readonly results = new ResultSet();
  /** Results that wait for evidence that an ambiguous `token` is a credential. */
  readonly pending = new Map<Binding, FlowResult[]>();
  readonly summaries = new Map<TS.Node, FunctionSummary>();
  scope: Scope;
  frame: FunctionFrame;
  /** > 0 inside a branch or loop: assignments there join instead of replacing. */
  conditional = 0;
  /** How many enclosing branches run only in development or tests (development-only.ts): their logs are not reported. */
  developmentOnly = 0;
  /** Current nesting of evaluated expressions and statements (bounded, see evaluate.ts). */
  depth = 0;
  /** Per enclosing `try` block: what the requests made in it carried, which their errors keep (see walker.ts). */
  readonly tryRequests: Taint[][] = [];

  constructor(input: EngineInput) {
    this.ts = input.ts;
    this.SK = cachedKinds(input.ts);
    this.sf = input.sourceFile;
    this.syntax = new Syntax(input.ts);
    this.tables = input.tables;
    this.names = judgeFor(input.tables);
    this.types = input.checker ? new TypeFacts(input.ts, input.checker, input.tables) : undefined;
    this.resolveCallee = input.resolveCallee;
    this.scope = new Scope(undefined, undefined);
    this.frame = { info: undefined, summary: undefined, returned: CLEAN, deferred: [], varScope: this.scope, thisClass: undefined, resolved: [], parent: undefined };
  }

  /** A path step at `node`; `note` may be a function so hot code builds no strings for unreported paths. */
  loc(node: TS.Node, note: string | (() => string)): FlowLocation {
    return new NodeStep(node, this.sf, note);
  }

  text(node: TS.Node): string {
    return node.getText(this.sf);
  }

  /** Reports `value` reaching a sink: emits results for real sources, records parameter flows in the summary. */
  sink(ruleId: FlowRuleId, node: TS.Node, value: Value | readonly Taint[] | undefined, sinkLabel: string, fix?: FlowResult['fix']): void {
    if (ruleId === 'no-secret-in-log' && this.developmentOnly > 0) return;
    const taints = Array.isArray(value) ? (value as readonly Taint[]) : value ? shownTaints(value as Value) : undefined;
    if (!taints || taints.length === 0) return;
    const start = node.getStart(this.sf);
    const end = node.getEnd();
    const step = sinkStep(ruleId, start, end);
    for (const t of taints) {
      const origin = t.origin;
      if (handedBackToItsOwner(ruleId, origin)) continue;
      if (origin.kind === 'param') {
        const summary = this.summaryOf(origin.fn);
        if (summary && !summary.paramSinks.some((s) => s.param === origin.index && s.start === start && s.ruleId === ruleId && sameAccess(s.access, origin.access))) {
          summary.paramSinks.push({
            param: origin.index,
            ...(origin.access ? { access: origin.access } : {}),
            ruleId,
            start,
            end,
            sinkLabel,
            path: materialize(appendStep(t.path, step)),
            ...(fix ? { fix } : {}),
            ...(origin.forwarded ? { atCallSite: true as const } : {}),
          });
        }
        continue;
      }
      const result: FlowResult = {
        ruleId,
        severity: severityOf(ruleId, true),
        message: flowMessage(ruleId, origin.label, sinkLabel),
        start,
        end,
        path: materialize(appendStep(t.path, step)),
        ...(fix ? { fix } : {}),
      };
      if (origin.kind === 'candidate' && !origin.binding.confirmed) {
        const list = this.pending.get(origin.binding) ?? [];
        list.push(result);
        this.pending.set(origin.binding, list);
      } else this.results.add(result);
    }
  }

  /** A parameter-to-sink flow of a callee, now fed by the taints of an argument at a call site. */
  sinkThroughCall(paramSink: FunctionSummary['paramSinks'][number], argTaints: readonly Taint[], callStep: FlowLocation): void {
    // A function that forwards what it is given to a sink is a sink: the secret is reported where it is passed.
    const at = paramSink.atCallSite ? { start: callStep.start, end: callStep.end } : { start: paramSink.start, end: paramSink.end, ...(paramSink.fileName ? { fileName: paramSink.fileName } : {}) };
    for (const t of argTaints) {
      const origin = t.origin;
      // The path of a forwarding function ends where it is called: that call is the sink.
      const path = paramSink.atCallSite ? materialize(appendStep(t.path, callStep)) : [...materialize(appendStep(t.path, callStep)), ...paramSink.path];
      if (handedBackToItsOwner(paramSink.ruleId, origin)) continue;
      if (origin.kind === 'param') {
        const summary = this.summaryOf(origin.fn);
        if (summary && !summary.paramSinks.some((s) => s.param === origin.index && s.start === at.start && s.ruleId === paramSink.ruleId && sameAccess(s.access, origin.access))) {
          const { access: _calleeAccess, atCallSite: _forwarder, start: _start, end: _end, fileName: _file, ...rest } = paramSink;
          summary.paramSinks.push({ ...rest, ...at, param: origin.index, ...(origin.access ? { access: origin.access } : {}), path, ...(origin.forwarded ? { atCallSite: true as const } : {}) });
        }
        continue;
      }
      const result: FlowResult = {
        ruleId: paramSink.ruleId,
        severity: severityOf(paramSink.ruleId, true),
        message: flowMessage(paramSink.ruleId, origin.label, paramSink.sinkLabel),
        ...at,
        path,
        ...(paramSink.fix ? { fix: paramSink.fix } : {}),
      };
      if (origin.kind === 'candidate' && !origin.binding.confirmed) {
        const list = this.pending.get(origin.binding) ?? [];
        list.push(result);
        this.pending.set(origin.binding, list);
      } else this.results.add(result);
    }
  }

  /** The file showed that an ambiguous binding holds a credential: its waiting results are real. */
  confirm(value: Value): void {
    for (const t of deepTaints(value) ?? []) {
      if (t.origin.kind !== 'candidate' || t.origin.binding.confirmed) continue;
      t.origin.binding.confirmed = true;
      for (const r of this.pending.get(t.origin.binding) ?? []) this.results.add(r);
      this.pending.delete(t.origin.binding);
    }
  }

  /**
   * End of the file: a bare `token` that reached a log or an error is a credential unless the file showed it is a
   * lexer token or a pagination cursor (flows.yaml `ambiguousNames`); on other rules it still needs evidence.
   */
  finish(): void {
    const { reportedRules: reported, reportedNames } = this.tables.ambiguous;
    for (const [binding, results] of this.pending) {
      if (binding.confirmed || !reportedNames.has(squash(binding.name)) || !results.some((r) => reported.has(r.ruleId))) continue;
      if (notCredential(this, binding.decl)) continue;
      for (const r of results) if (reported.has(r.ruleId)) this.results.add(r);
    }
    this.pending.clear();
  }

  /** Assigns to a binding: replaces in straight-line code of its own function, joins in branches and closures. */
  assign(binding: Binding, value: Value): void {
    const strong = this.conditional === 0 && binding.owner === this.frame.info;
    binding.value = strong ? value : join(binding.value, value);
  }

  /** The summary under construction for a function still being analysed (its own frame or an enclosing one). */
  summaryOf(fn: FunctionInfo): FunctionSummary | undefined {
    for (let f: FunctionFrame | undefined = this.frame; f; f = f.parent) if (f.info === fn) return f.summary;
    return undefined;
  }

  newSummary(): FunctionSummary {
    return emptySummary();
  }

  evaluate(node: TS.Expression): Value {
    return evaluate(this, node);
  }

  member(object: Value, key: string, nameNode: TS.Node, dotted?: string): Value {
    return memberOf(this, object, key, nameNode, dotted);
  }

  assignTo(target: TS.Expression | TS.ForInitializer, value: Value, compound = false): void {
    if (this.ts.isVariableDeclarationList(target)) return;
    assignTo(this, target, value, compound);
  }

  moduleValue(module: string, name: string): Value {
    return moduleValue(this.tables, module, name);
  }

  /** The result of calling a function of this file with no arguments (getters). */
  callSummary(info: FunctionInfo, args: Value[], node: TS.Node): Value {
    noteSummaryUse(this, info);
    if (info.state === 'new') analyzeFunction(this, info);
    return info.summary ? applySummary(this, info.summary, { node: node as TS.CallExpression, args }, info.name) : CLEAN;
  }

  /** `Error`, `TypeError`, `HttpError`, `AuthException`: an error class by name (typed mode checks heritage too). */
  isErrorName(name: string): boolean {
    return this.tables.errorConstructors.has(name) || this.tables.errorSuffixes.some((s) => name.endsWith(s) && name.length > s.length && /^[A-Z]/.test(name));
  }

  /** `Error('x')` / `HttpError(…)` called without `new` still builds an error. */
  isErrorConstructorCall(call: TS.CallExpression, dotted?: string): boolean {
    const name = dotted ?? this.syntax.dotted(call.expression);
    if (name === undefined) return false;
    const last = name.slice(name.lastIndexOf('.') + 1);
    if (!this.isErrorName(last)) return false;
    const local = this.scope.lookup(name)?.value;
    if (local?.fn) return false;
    if (local?.cls) return local.cls.isError;
    return this.types?.isErrorInstance(call) !== false;
  }

  isEntryPointName(name: string, isMethod: boolean): boolean {
    if (!this.tables.entryPoints.has(name)) return false;
    return !this.tables.methodOrExportedEntryPoints.has(name) || isMethod;
  }

  isTainted(v: Value): boolean {
    return isTainted(v) || (v.props !== undefined && (deepTaints(v)?.length ?? 0) > 0);
  }
}
