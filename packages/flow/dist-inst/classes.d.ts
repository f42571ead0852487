import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { type ClassInfo, type FunctionInfo, type Value } from './value.js';
/**
 * Analyses a class: field initialisers, constructor, then methods. When a method stored a secret in a field that
 * was read before, the methods that read it then (and those that used their summaries) are analysed once more.
 */
export declare function walkClass(e: Engine, node: TS.ClassLikeDeclaration): ClassInfo;
/** A summary of `fn` is about to be used: when both are members of one class, the user depends on it. */
export declare function noteSummaryUse(e: Engine, fn: FunctionInfo): void;
/**
 * `new C(process.env.KEY)`: fields that keep a constructor argument now hold its secret, so the methods that read
 * them are analysed once more (only when a secret really arrives, which is rare).
 */
export declare function constructWith(e: Engine, cls: ClassInfo, args: readonly Value[], call: TS.Node): void;
/** `client.setKey(process.env.KEY)`: the fields the method keeps its parameters in now hold the secret. */
export declare function callMemberWith(e: Engine, cls: ClassInfo, member: FunctionInfo, args: readonly Value[], call: TS.Node): void;
/** `this.x` read: what the class stored there (and, per member, when it read it, for a second pass). */
export declare function readField(e: Engine, cls: ClassInfo, name: string): Value | undefined;
export declare function writeField(cls: ClassInfo, name: string, value: Value): void;
