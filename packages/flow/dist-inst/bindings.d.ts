import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { type Binding, type FunctionInfo, type Value } from './value.js';
export interface SeedContext {
    nameNode: TS.Node;
    init?: TS.Expression | undefined;
    type?: TS.TypeNode | undefined;
    binding?: Binding;
    /** Set for a parameter: its name speaks for what callers pass, not for what the function returns. */
    paramOf?: FunctionInfo;
}
/**
 * Adds the taint a name implies (flows.md "sensitive names"): `apiKey` is a source; an ambiguous `token` is a
 * candidate that waits for evidence, unless declared as a string; a boolean, number or `Secret` is not.
 */
export declare function seedByName(e: Engine, name: string, value: Value, ctx: SeedContext): Value;
/** Declares every name in a binding pattern with the part of `value` it receives. */
export declare function declarePattern(e: Engine, name: TS.BindingName, value: Value, init: TS.Expression | undefined, type: TS.TypeNode | undefined, scope?: import("./value.js").Scope): void;
