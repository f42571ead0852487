import { catalogDocument } from '@secret-hygiene/core';

/** The `javascript` section of `rules/flows.yaml`, as its schema describes it. */
export interface JsFlowCatalog {
  sources: {
    secretTypes: string[];
    secretValueMethods: string[];
    envObjects: string[];
    envGetters: string[];
    secretFileReaders: string[];
    secretFileDirectories: string[];
    secretMappings: string[];
    credentialKeys: string[];
    stringTypedAmbiguousHeads: string[];
    requestObjects: string[];
    requestCredentialMembers: string[];
    keyedGetters: string[];
  };
  propagators: { functions: string[]; methods: string[]; argumentMethods: string[]; mutatingMethods: string[]; mergingFunctions: string[]; entryFunctions: string[] };
  sanitizers: {
    functions: string[];
    nameWords: string[];
    methods: string[];
    properties: string[];
    shortRevealMax: number;
    fullMaskPatterns: string[];
  };
  sinks: {
    log: {
      globals: string[];
      calls: string[];
      logFunctionFactories: string[];
      loggerObjectWords: string[];
      loggerMethods: string[];
      libraries: LoggerLibrary[];
      developmentOnly: DevelopmentOnlyCatalog;
    };
    error: { constructors: string[]; constructorSuffixes: string[]; calls: Array<{ callee: string; args: number[] }> };
    output: {
      entryPoints: string[];
      methodOrExportedEntryPoints: string[];
      publicEnvPrefixes: string[];
      publicEnvWords: string[];
      serverSecretWords: string[];
      responseObjects: string[];
      responseMethods: string[];
      cookieMethods: string[];
      responseProperties: string[];
      constructors: string[];
      calls: string[];
      routeDecorators: string[];
      routeMethods: string[];
      routeServers: string[];
      routeReplyParameters: string[];
      mintingCalls: string[];
      mintingJwtMethods: string[];
    };
    transport: { calls: string[]; constructors: string[]; methods: string[]; urlOptions: string[]; modules: string[]; errorsKeepRequest: string[] };
    credentials: CredentialApiCatalog;
  };
}

/** Where a literal is handed over as a key or password (no-hardcoded-secret), read by the ESLint rule and the analyzer. */
export interface CredentialApiCatalog {
  keyArguments: Record<string, { index: number; name: string }>;
  methodKeyArguments: Record<string, { indexes: number[]; name: string }>;
  jwtMethods: string[];
  cipherReceivers: string[];
  cipherMethods: string[];
  macFunctions: string[];
  optionCallees: Record<string, string[]>;
  credentialKeys: string[];
  authSecretKeys: string[];
  nestingKeys: string[];
  userKeys: string[];
  notLoginCallees: string[];
  userMapCallees: string[];
  basicAuthEncoders: string[];
  /** Lower-case header names. */
  authorizationHeaders: string[];
  authorizationSchemes: string[];
}

/** How a logger library's default export behaves. */
export type LoggerExport = 'logger' | 'factory' | 'namespace' | 'logFunction' | 'logFunctionFactory';

export interface LoggerLibrary {
  module: string;
  export: LoggerExport;
  factories?: string[];
  constructors?: string[];
  named?: string[];
}

export function shippedJsCatalog(): JsFlowCatalog {
  return catalogDocument<{ javascript: JsFlowCatalog }>('flows').javascript;
}

export { shippedAmbiguousNames as shippedAmbiguousCatalog, type AmbiguousNameCatalog } from '@secret-hygiene/core';

/** Conditions that hold only in development or tests (`sinks.log.developmentOnly` in rules/flows.yaml). */
export interface DevelopmentOnlyCatalog {
  checks: string[];
  productionChecks: string[];
  environmentTests: string[];
  environmentWords: string[];
  environmentNames: string[];
  productionNames: string[];
  flags: string[];
}
