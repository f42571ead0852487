import type * as TS from 'typescript';
import type { FlowOptions } from './types.js';
/**
 * Whether an untyped analysis of the file can report anything; false lets a linter skip the walk. Every source
 * the engine knows starts at a name the parser interned (a variable, parameter, property or member named like a
 * secret, `env`, a `Secret` type, `getSecretValue`), a path under a secrets directory, or a token-shaped literal;
 * a bare `key` becomes one only next to a credential key, a bare `token` on its own. A plain-HTTP request needs
 * an insecure scheme in the text. Files parsed without the identifier table are always analysed. Given `ts`, names
 * written only in types, interfaces, type aliases and import/export clauses do not count.
 */
export declare function mayReport(sourceFile: TS.SourceFile, options?: FlowOptions, ts?: typeof TS): boolean;
