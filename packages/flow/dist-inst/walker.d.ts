import type * as TS from 'typescript';
import type { Engine } from './engine.js';
export { drainDeferred } from './functions.js';
/** Walks statements once, in order, keeping scopes, class fields and per-function summaries up to date. */
export declare function walkSourceFile(e: Engine): void;
export declare function walkStatements(e: Engine, statements: readonly TS.Statement[]): void;
export declare function inBlock(e: Engine, statements: readonly TS.Statement[]): void;
export declare function walkStatement(e: Engine, s: TS.Statement): void;
