import type { Severity } from '@secret-hygiene/core';
import type { FlowLocation, FlowResult, FlowRuleId } from './types.js';
/** A name safe to print: identifiers, dotted paths and env names only, never a literal's text. */
export declare function safeLabel(label: string): string;
export declare function flowMessage(ruleId: FlowRuleId, sourceLabel: string, sinkLabel: string): string;
export declare function sinkStep(ruleId: FlowRuleId, start: number, end: number, fileName?: string): FlowLocation;
export declare function severityOf(ruleId: FlowRuleId, carriesSecret: boolean): Severity;
/** Keeps one result per rule and sink span; a secret-carrying (error) result replaces a plain warning. */
export declare class ResultSet {
    private readonly byKey;
    add(result: FlowResult): void;
    list(): FlowResult[];
}
