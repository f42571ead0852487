import type * as TS from 'typescript';
import { type CalleeResolver } from './engine.js';
import type { FunctionSummary } from './summary.js';
import type { AnalyzeOptions, FlowResult } from './types.js';
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
 * One file of a whole program: the same walk as `analyzeFile`, plus imported bindings resolved across files and
 * every location stamped with `fileName`, so that summaries and values can travel to other files.
 */
export declare function analyzeProgramFile(ts: typeof TS, sourceFile: TS.SourceFile, options?: ProgramFileOptions): ProgramFileAnalysis;
/** `import * as config from './config'`: an object whose members are the module's exports. */
export declare function namespaceValue(members: ReadonlyMap<string, ModuleValue>): ModuleValue;
/** A short text that changes when what importers can learn from the value changes (fixpoint detection). */
export declare function describeModuleValue(value: ModuleValue): string;
/** The facts of a summary that callers use, without its paths. */
export declare function describeSummary(s: FunctionSummary): string;
