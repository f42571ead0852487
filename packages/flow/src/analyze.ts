import type * as TS from 'typescript';
import { Engine, type CalleeResolver } from './engine.js';
import type { FunctionSummary } from './summary.js';
import { flowTables } from './tables.js';
import type { AnalyzeOptions, FlowResult } from './types.js';
import { walkSourceFile } from './walker.js';

export interface FileAnalysis {
  results: FlowResult[];
  /** One summary per function-like node of the file, for callers in other files. */
  summaries: Map<TS.Node, FunctionSummary>;
}

/** Everything the engine learns from one file in one walk: all four rules' results and the function summaries. */
export function analyzeFile(ts: typeof TS, sourceFile: TS.SourceFile, options: AnalyzeOptions & { resolveCallee?: CalleeResolver } = {}): FileAnalysis {
  const engine = new Engine({
    ts,
    sourceFile,
    tables: flowTables(options),
    ...(options.checker ? { checker: options.checker } : {}),
    ...(options.resolveCallee ? { resolveCallee: options.resolveCallee } : {}),
  });
  try {
    walkSourceFile(engine);
  } catch (error) {
    // Pathological nesting can still exhaust the stack: keep what was found, never fail the whole run.
    if (!(error instanceof RangeError)) throw error;
  }
  return { results: engine.results.list(), summaries: engine.summaries };
}

/** `ts` is injected so the analyzer can pass ts-morph's bundled TypeScript. */
export function analyzeSourceFile(ts: typeof TS, sourceFile: TS.SourceFile, options: AnalyzeOptions = {}): FlowResult[] {
  return analyzeFile(ts, sourceFile, options).results;
}
