import type * as TS from 'typescript';
import { type CalleeResolver } from './engine.js';
import type { FunctionSummary } from './summary.js';
import type { AnalyzeOptions, FlowResult } from './types.js';
export interface FileAnalysis {
    results: FlowResult[];
    /** One summary per function-like node of the file, for callers in other files. */
    summaries: Map<TS.Node, FunctionSummary>;
}
/** Everything the engine learns from one file in one walk: all four rules' results and the function summaries. */
export declare function analyzeFile(ts: typeof TS, sourceFile: TS.SourceFile, options?: AnalyzeOptions & {
    resolveCallee?: CalleeResolver;
}): FileAnalysis;
/** `ts` is injected so the analyzer can pass ts-morph's bundled TypeScript. */
export declare function analyzeSourceFile(ts: typeof TS, sourceFile: TS.SourceFile, options?: AnalyzeOptions): FlowResult[];
