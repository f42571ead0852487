import type { CallShape } from './calls.js';
import type { Engine } from './engine.js';
import { type Taint, type Value } from './value.js';
/** Reports the sinks a call is: a log, an error message, a response, a plain-HTTP request. */
export declare function callSinks(e: Engine, shape: CallShape): void;
/** `new XError(…)`, `new Response(x)`, `new WebSocket('ws://…')`; says 'error' for an Error so callers drop its taint. */
export declare function newSinks(e: Engine, shape: CallShape): 'error' | undefined;
/** `console.log`, `process.stdout.write`, a configured logger, any member of an undeclared `console`. */
export declare function isLogCallee(e: Engine, dotted: string): boolean;
export declare function isLogCall(e: Engine, shape: CallShape): boolean;
/**
 * What the error of this request keeps of it, when the request's library keeps the request in its errors (axios,
 * got, ky): the secrets its arguments carry (headers, auth, URL). Undefined for other calls.
 */
export declare function requestErrorTaints(e: Engine, shape: CallShape): readonly Taint[] | undefined;
export type { Value };
