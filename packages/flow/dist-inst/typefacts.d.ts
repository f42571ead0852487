import type * as TS from 'typescript';
import type { FlowTables } from './tables.js';
/** What a type checker can prove: a `Secret`, an `Error` subclass, a value that is only a boolean or number. */
export declare class TypeFacts {
    private readonly ts;
    private readonly checker;
    private readonly tables;
    constructor(ts: typeof TS, checker: TS.TypeChecker, tables: FlowTables);
    private typeOf;
    private parts;
    /** `true`: a Secret type; `false`: a known type that is not; `undefined`: unknown (untyped, any). */
    isSecretType(node: TS.Node): boolean | undefined;
    /** A boolean, number, bigint or enum: it can show nothing of a secret. */
    isScalar(node: TS.Node): boolean;
    /** The value is a string (or string literal). */
    isString(node: TS.Node): boolean;
    /** A known type with no string in it (`Token`, an object): a bare `token` of that type is not a credential. */
    isKnownNonString(node: TS.Node): boolean;
    /** A function or class: printing it shows code, not data. */
    isCallable(node: TS.Node): boolean;
    /** `true` when the constructed or thrown value's class extends Error; undefined when the type is unknown. */
    isErrorInstance(node: TS.Node): boolean | undefined;
    private extendsError;
}
