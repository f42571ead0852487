import type * as TS from 'typescript';
import type { Engine } from './engine.js';
/**
 * Names that cannot show a secret in a branch: `if (!key) throw new Error(\`bad ${key}\`)` prints an empty
 * value, `if (typeof token !== 'string') …` a non-string. `whenTrue` picks the branch the condition enters.
 */
export declare function narrowedNames(e: Engine, condition: TS.Expression, whenTrue: boolean): Set<string>;
/** `typeof x !== 'string'` (or `=== 'number'`…): names that are not strings when the condition holds. */
export declare function nonStringNames(e: Engine, condition: TS.Expression, whenTrue: boolean): Set<string>;
/** Every name a branch may treat as unable to hold a secret. */
export declare function safeNamesInBranch(e: Engine, condition: TS.Expression, whenTrue: boolean): Set<string>;
