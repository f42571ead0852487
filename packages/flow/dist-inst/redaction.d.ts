import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { type Taint, type Value } from './value.js';
/**
 * Keys a logger is configured to censor: pino's `redact: ['apiKey', 'req.headers.authorization', '*.password']`
 * or `redact: { paths: [...] }`. A key counts wherever its path ends, which is what callers log in practice.
 */
export declare function redactedKeys(e: Engine, options: TS.Expression | undefined): ReadonlySet<string> | undefined;
/** The taints a logged value still shows once the logger censored the configured keys. */
export declare function taintsAfterRedaction(value: Value, keys: ReadonlySet<string>, depth?: number): readonly Taint[] | undefined;
