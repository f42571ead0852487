import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { type ClassInfo, type FunctionInfo, type Value } from './value.js';
/** An entry point's return value is output (flows.md): predict/run/train, handlers; never a plain helper. */
export declare function entryPointOf(e: Engine, node: TS.Node, name: string, isMethod: boolean, exported: boolean): boolean;
export declare function newFunction(e: Engine, node: TS.SignatureDeclaration, name: string, isEntryPoint: boolean, cls?: ClassInfo): FunctionInfo;
export declare function returnValue(e: Engine, expression: TS.Expression, at: TS.Node): void;
export declare function yieldValue(e: Engine, node: TS.YieldExpression, value: Value): void;
export declare function throwValue(e: Engine, s: TS.ThrowStatement): void;
/** Analyses a function's body once, with each parameter standing for whatever a caller passes. */
export declare function analyzeFunction(e: Engine, info: FunctionInfo, seeds?: Value[]): Value;
export declare function drainDeferred(e: Engine): void;
/**
 * `arguments` in a function (arrow functions see their enclosing function's): every argument a caller passes,
 * the declared parameters and a few more (`function log() { console.log.apply(console, arguments) }`).
 */
export declare function argumentsValue(e: Engine, at: TS.Node): Value | undefined;
