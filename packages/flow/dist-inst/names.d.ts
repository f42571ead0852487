import { type NameVerdict } from '@secret-hygiene/core';
import type { FlowTables } from './tables.js';
/** The shared name classifier plus what the catalog and the user add (declared secret env names, sanitizers). */
export declare class NameJudge {
    private readonly tables;
    private readonly classifier;
    private readonly memo;
    /** Passes every name with a word the facts below look for; the others need not be split into words. */
    private readonly wordsScreen;
    constructor(tables: FlowTables);
    private facts;
    private compute;
    /** `secret`, `ambiguous` (bare `token`) or `no` for a variable, parameter or property name. */
    classify(name: string): NameVerdict;
    /** An environment variable holds a secret when its name looks secret (or might: `TOKEN`) or a config declares it. */
    isSecretEnv(name: string): boolean;
    /** `redactToken`, `maskSecret`, `hashPassword`: a function whose name says it hides what it is given. */
    isSanitizerName(name: string): boolean;
    /** `logger`, `appLogger`, `log`, `LOG`: a receiver whose last word says it logs. */
    isLoggerName(name: string): boolean;
    /** `token` (bare or with a head in stringTypedAmbiguousHeads) declared as a string is a credential. */
    isStringTypedCredential(name: string): boolean;
    isCredentialKey(key: string): boolean;
    /** `Authorization`, `X-API-Key`: a header or option whose value is a credential. */
    isCredentialHeader(key: string): boolean;
}
