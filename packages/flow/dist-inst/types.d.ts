import type * as TS from 'typescript';
import type { Severity } from '@secret-hygiene/core';
/** The rule ids the flow engine reports; all four come out of one walk of a file. */
export type FlowRuleId = 'no-secret-in-log' | 'no-secret-in-error' | 'no-secret-in-output' | 'require-https';
/** User extensions of `rules/flows.yaml` (ESLint rule options, CLI configuration). */
export interface FlowOptions {
    /** Extra logger names: an identifier (`audit`) or a dotted callee (`ctx.logger`). */
    extraLoggers?: string[];
    /** Extra entry-point function or method names whose return value is output. */
    extraEntryPoints?: string[];
    /** Extra type names that act like `Secret` (`getSecretValue()` returns a secret). */
    extraSecretTypes?: string[];
    /** Extra function names whose result is safe to show. */
    extraSanitizers?: string[];
    /** Environment variables that config files declare as secrets (inf.yml keys, Truss secret names). */
    extraSecretEnv?: string[];
}
/** One step of a flow path, as offsets into the file the engine analysed. */
export interface FlowLocation {
    start: number;
    end: number;
    note: string;
    fileName?: string;
}
export interface FlowResult {
    ruleId: FlowRuleId;
    severity: Severity;
    /** Names the source and the sink, never the value. */
    message: string;
    /** The sink's span in the file (in `fileName` when a whole-program caller found the sink in another file). */
    start: number;
    end: number;
    fileName?: string;
    /** Source … sink. */
    path: FlowLocation[];
    /** require-https: `http://` -> `https://`. */
    fix?: {
        start: number;
        end: number;
        text: string;
    };
}
export type AnalyzeOptions = FlowOptions & {
    checker?: TS.TypeChecker;
};
