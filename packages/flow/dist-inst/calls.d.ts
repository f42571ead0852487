import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import type { FunctionSummary } from './summary.js';
import { type Taint, type Value } from './value.js';
/** What a call looks like once its callee and arguments are evaluated. */
export interface CallShape {
    node: TS.CallExpression | TS.NewExpression;
    calleeExpr: TS.Expression;
    /** `console.log`, `this.logger.info`, when static. */
    dotted: string | undefined;
    /** The function or method name (`log`, `getSecretValue`). */
    name: string | undefined;
    receiverExpr: TS.Expression | undefined;
    receiver: Value | undefined;
    callee: Value;
    args: Value[];
    argNodes: readonly TS.Expression[];
}
export declare function evaluateCall(e: Engine, call: TS.CallExpression): Value;
export declare function evaluateNew(e: Engine, node: TS.NewExpression): Value;
/** Feeds a callee's summary with this call's arguments: its parameter sinks fire, its return carries taint. */
export declare function applySummary(e: Engine, summary: FunctionSummary, shape: Pick<CallShape, 'node' | 'args'>, name: string): Value;
export declare function allArgTaints(shape: CallShape): readonly Taint[] | undefined;
