import type * as TS from 'typescript';
import { type UrlClassifier } from '@secret-hygiene/core';
import { NameJudge } from './names.js';
import { ResultSet } from './report.js';
import { type FunctionSummary, type ReturnText } from './summary.js';
import { Syntax } from './syntax.js';
import type { FlowTables } from './tables.js';
import type { FlowLocation, FlowResult, FlowRuleId } from './types.js';
import { TypeFacts } from './typefacts.js';
import { type Kinds } from './kinds.js';
import { Scope, type Binding, type ClassInfo, type FunctionInfo, type Taint, type Value } from './value.js';
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
/** One name judge per option set, so its memos outlive a single file. */
export declare function judgeFor(tables: FlowTables): NameJudge;
export declare class Engine {
    readonly ts: typeof TS;
    readonly SK: Kinds;
    readonly sf: TS.SourceFile;
    readonly syntax: Syntax;
    readonly tables: FlowTables;
    readonly names: NameJudge;
    readonly urls: UrlClassifier;
    readonly types: TypeFacts | undefined;
    readonly resolveCallee: CalleeResolver | undefined;
    readonly results: ResultSet;
    /** Results that wait for evidence that an ambiguous `token` is a credential. */
    readonly pending: Map<Binding, FlowResult[]>;
    readonly summaries: Map<TS.Node, FunctionSummary>;
    scope: Scope;
    frame: FunctionFrame;
    /** > 0 inside a branch or loop: assignments there join instead of replacing. */
    conditional: number;
    /** Current nesting of evaluated expressions and statements (bounded, see evaluate.ts). */
    depth: number;
    /** Per enclosing `try` block: what the requests made in it carried, which their errors keep (see walker.ts). */
    readonly tryRequests: Taint[][];
    constructor(input: EngineInput);
    /** A path step at `node`; `note` may be a function so hot code builds no strings for unreported paths. */
    loc(node: TS.Node, note: string | (() => string)): FlowLocation;
    text(node: TS.Node): string;
    /** Reports `value` reaching a sink: emits results for real sources, records parameter flows in the summary. */
    sink(ruleId: FlowRuleId, node: TS.Node, value: Value | readonly Taint[] | undefined, sinkLabel: string, fix?: FlowResult['fix']): void;
    /** A parameter-to-sink flow of a callee, now fed by the taints of an argument at a call site. */
    sinkThroughCall(paramSink: FunctionSummary['paramSinks'][number], argTaints: readonly Taint[], callStep: FlowLocation): void;
    /** The file showed that an ambiguous binding holds a credential: its waiting results are real. */
    confirm(value: Value): void;
    /**
     * End of the file: a bare `token` that reached a log or an error is a credential unless the file showed it is a
     * lexer token or a pagination cursor (flows.yaml `ambiguousNames`); on other rules it still needs evidence.
     */
    finish(): void;
    /** Assigns to a binding: replaces in straight-line code of its own function, joins in branches and closures. */
    assign(binding: Binding, value: Value): void;
    /** The summary under construction for a function still being analysed (its own frame or an enclosing one). */
    summaryOf(fn: FunctionInfo): FunctionSummary | undefined;
    newSummary(): FunctionSummary;
    evaluate(node: TS.Expression): Value;
    member(object: Value, key: string, nameNode: TS.Node, dotted?: string): Value;
    assignTo(target: TS.Expression | TS.ForInitializer, value: Value, compound?: boolean): void;
    moduleValue(module: string, name: string): Value;
    /** The result of calling a function of this file with no arguments (getters). */
    callSummary(info: FunctionInfo, args: Value[], node: TS.Node): Value;
    /** `Error`, `TypeError`, `HttpError`, `AuthException`: an error class by name (typed mode checks heritage too). */
    isErrorName(name: string): boolean;
    /** `Error('x')` / `HttpError(…)` called without `new` still builds an error. */
    isErrorConstructorCall(call: TS.CallExpression, dotted?: string): boolean;
    isEntryPointName(name: string, isMethod: boolean): boolean;
    isTainted(v: Value): boolean;
}
