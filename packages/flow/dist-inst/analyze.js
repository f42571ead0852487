import { Engine } from './engine.js';
import { flowTables } from './tables.js';
import { walkSourceFile } from './walker.js';
/** Everything the engine learns from one file in one walk: all four rules' results and the function summaries. */
export function analyzeFile(ts, sourceFile, options = {}) {
    const engine = new Engine({
        ts,
        sourceFile,
        tables: flowTables(options),
        ...(options.checker ? { checker: options.checker } : {}),
        ...(options.resolveCallee ? { resolveCallee: options.resolveCallee } : {}),
    });
    try {
        walkSourceFile(engine);
    }
    catch (error) {
        // Pathological nesting can still exhaust the stack: keep what was found, never fail the whole run.
        if (!(error instanceof RangeError))
            throw error;
    }
    return { results: engine.results.list(), summaries: engine.summaries };
}
/** `ts` is injected so the analyzer can pass ts-morph's bundled TypeScript. */
export function analyzeSourceFile(ts, sourceFile, options = {}) {
    return analyzeFile(ts, sourceFile, options).results;
}
