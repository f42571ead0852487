import { type AmbiguousNameTables } from '@secret-hygiene/core';
import type { FlowOptions } from './types.js';
import { type AmbiguousNameCatalog, type JsFlowCatalog, type LoggerLibrary } from './catalog.js';
/** The catalog compiled into the lookups the engine asks on every node; built once per option set. */
export interface FlowTables {
    secretTypes: Set<string>;
    secretValueMethods: Set<string>;
    envObjects: Set<string>;
    envGetters: Set<string>;
    secretFileReaders: Set<string>;
    secretFileDirectories: string[];
    secretMappings: Set<string>;
    credentialKeys: Set<string>;
    stringTypedAmbiguousHeads: Set<string>;
    extraSecretEnv: Set<string>;
    /** `webhookurl` for a declared `WEBHOOK_URL`: the same name spelled as a variable. */
    extraSecretWords: Set<string>;
    propagatorFunctions: Set<string>;
    propagatorMethods: Set<string>;
    argumentMethods: Set<string>;
    mutatingMethods: Set<string>;
    sanitizerFunctions: Set<string>;
    sanitizerWords: Set<string>;
    sanitizerMethods: Set<string>;
    sanitizerProperties: Set<string>;
    shortRevealMax: number;
    fullMaskPatterns: Set<string>;
    logGlobals: Set<string>;
    logCalls: Set<string>;
    /** Every object a dotted log call is a member of (`process`, `process.stdout` for `process.stdout.write`). */
    logCallReceivers: Set<string>;
    logFunctionFactories: Set<string>;
    loggerObjectWords: Set<string>;
    loggerMethods: Set<string>;
    loggerLibraries: Map<string, LoggerLibrary>;
    loggerFactoryMethods: Set<string>;
    loggerConstructors: Set<string>;
    extraLoggers: Set<string>;
    errorConstructors: Set<string>;
    errorSuffixes: string[];
    errorCalls: Map<string, number[]>;
    entryPoints: Set<string>;
    methodOrExportedEntryPoints: Set<string>;
    responseObjects: Set<string>;
    responseMethods: Set<string>;
    responseProperties: Set<string>;
    responseConstructors: Set<string>;
    responseCalls: Set<string>;
    transportCalls: Set<string>;
    transportConstructors: Set<string>;
    transportMethods: Set<string>;
    urlOptions: Set<string>;
    transportModules: Set<string>;
    /** Libraries whose request errors keep the request (headers, auth). */
    errorsKeepRequest: Set<string>;
    /** Counter-evidence for a bare `token` (flows.yaml `ambiguousNames`). */
    ambiguous: AmbiguousNameTables;
}
export { squash } from '@secret-hygiene/core';
export declare function flowTables(options?: FlowOptions): FlowTables;
export declare function compile(c: JsFlowCatalog, o: FlowOptions, ambiguous?: AmbiguousNameCatalog): FlowTables;
