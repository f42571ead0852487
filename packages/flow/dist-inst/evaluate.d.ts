import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { type Taint, type Value } from './value.js';
/** What an expression evaluates to, walking every sub-expression once (so nested sinks are seen once). */
export declare function evaluate(e: Engine, node: TS.Expression): Value;
/** The value of `object.key`; `nameNode` is the member name in the source (for name-based sources). */
export declare function memberOf(e: Engine, object: Value, key: string, nameNode: TS.Node, dotted?: string): Value;
/** A member of a tainted object: secret when the object holds real secrets or is a secrets mapping; an object
 * named like a secret (`credentials`) leaks only through members named like secrets (`credentials.password`).
 * A parameter's member stays a parameter access (`work.id`), resolved against each call's argument. */
export declare function inheritMember(e: Engine, taints: readonly Taint[], key: string): Value;
/** Stores a value into an assignment target: a binding, a class field, an object member, a pattern. */
export declare function assignTo(e: Engine, target: TS.Expression, value: Value, compound?: boolean): void;
