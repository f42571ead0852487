import { compileAmbiguousNames, dottedReceivers, type AmbiguousNameTables } from '@secret-hygiene/core';
import type { FlowOptions } from './types.js';
import { shippedAmbiguousCatalog, shippedJsCatalog, type AmbiguousNameCatalog, type JsFlowCatalog, type LoggerLibrary } from './catalog.js';

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
  requestObjects: Set<string>;
  requestCredentialMembers: Set<string>;
  keyedGetters: Set<string>;
  extraSecretEnv: Set<string>;
  /** `webhookurl` for a declared `WEBHOOK_URL`: the same name spelled as a variable. */
  extraSecretWords: Set<string>;

  propagatorFunctions: Set<string>;
  propagatorMethods: Set<string>;
  argumentMethods: Set<string>;
  mutatingMethods: Set<string>;
  mergingFunctions: Set<string>;
  entryFunctions: Set<string>;

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
  /** Conditions under which a branch runs only in development or tests; its logs are not reported. */
  developmentOnly: {
    checks: Set<string>;
    productionChecks: Set<string>;
    environmentTests: Set<string>;
    environmentWords: Set<string>;
    environmentNames: Set<string>;
    productionNames: Set<string>;
    flags: Set<string>;
  };

  errorConstructors: Set<string>;
  errorSuffixes: string[];
  errorCalls: Map<string, number[]>;

  entryPoints: Set<string>;
  methodOrExportedEntryPoints: Set<string>;
  publicEnvPrefixes: string[];
  publicEnvWords: Set<string>;
  serverSecretWords: Set<string>;
  responseObjects: Set<string>;
  responseMethods: Set<string>;
  cookieMethods: Set<string>;
  responseProperties: Set<string>;
  routeDecorators: Set<string>;
  routeMethods: Set<string>;
  routeServers: Set<string>;
  routeReplyParameters: Set<string>;
  /** Calls that make a new credential for the caller (`jwt.sign`, `randomBytes`): see `seedByName`. */
  mintingCalls: Set<string>;
  /** Methods that issue a token on a receiver named like a JWT library or service (`this.jwtService.sign`). */
  mintingJwtMethods: Set<string>;
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

const cache = new Map<string, FlowTables>();

export function flowTables(options: FlowOptions = {}): FlowTables {
  const key = JSON.stringify([options.extraLoggers, options.extraEntryPoints, options.extraSecretTypes, options.extraSanitizers, options.extraSecretEnv]);
  let tables = cache.get(key);
  if (!tables) {
    tables = compile(shippedJsCatalog(), options);
    if (cache.size > 50) cache.clear();
    cache.set(key, tables);
  }
  return tables;
}

export function compile(c: JsFlowCatalog, o: FlowOptions, ambiguous: AmbiguousNameCatalog = shippedAmbiguousCatalog()): FlowTables {
  const set = (...lists: Array<readonly string[] | undefined>) => new Set(lists.flatMap((l) => l ?? []));
  const libraries = c.sinks.log.libraries;
  return {
    secretTypes: set(c.sources.secretTypes, o.extraSecretTypes),
    secretValueMethods: set(c.sources.secretValueMethods),
    envObjects: set(c.sources.envObjects),
    envGetters: set(c.sources.envGetters),
    secretFileReaders: set(c.sources.secretFileReaders),
    secretFileDirectories: c.sources.secretFileDirectories,
    secretMappings: set(c.sources.secretMappings),
    credentialKeys: set(c.sources.credentialKeys),
    stringTypedAmbiguousHeads: set(c.sources.stringTypedAmbiguousHeads),
    requestObjects: set(c.sources.requestObjects),
    requestCredentialMembers: set(c.sources.requestCredentialMembers),
    keyedGetters: set(c.sources.keyedGetters),
    extraSecretEnv: set(o.extraSecretEnv),
    extraSecretWords: new Set((o.extraSecretEnv ?? []).map((n) => n.replace(/[^A-Za-z0-9]/g, '').toLowerCase())),

    propagatorFunctions: set(c.propagators.functions),
    propagatorMethods: set(c.propagators.methods),
    argumentMethods: set(c.propagators.argumentMethods),
    mutatingMethods: set(c.propagators.mutatingMethods),
    mergingFunctions: set(c.propagators.mergingFunctions),
    entryFunctions: set(c.propagators.entryFunctions),

    sanitizerFunctions: set(c.sanitizers.functions, o.extraSanitizers),
    sanitizerWords: set(c.sanitizers.nameWords),
    sanitizerMethods: set(c.sanitizers.methods),
    sanitizerProperties: set(c.sanitizers.properties),
    shortRevealMax: c.sanitizers.shortRevealMax,
    fullMaskPatterns: set(c.sanitizers.fullMaskPatterns),

    logGlobals: set(c.sinks.log.globals),
    logCalls: set(c.sinks.log.calls),
    logCallReceivers: dottedReceivers([...c.sinks.log.calls, ...(o.extraLoggers ?? [])]),
    logFunctionFactories: set(c.sinks.log.logFunctionFactories),
    loggerObjectWords: set(c.sinks.log.loggerObjectWords),
    loggerMethods: set(c.sinks.log.loggerMethods),
    loggerLibraries: new Map(libraries.map((l) => [l.module, l])),
    loggerFactoryMethods: set(...libraries.map((l) => l.factories)),
    loggerConstructors: set(...libraries.map((l) => l.constructors)),
    extraLoggers: set(o.extraLoggers),
    developmentOnly: {
      checks: set(c.sinks.log.developmentOnly.checks),
      productionChecks: set(c.sinks.log.developmentOnly.productionChecks),
      environmentTests: set(c.sinks.log.developmentOnly.environmentTests),
      environmentWords: set(c.sinks.log.developmentOnly.environmentWords),
      environmentNames: set(c.sinks.log.developmentOnly.environmentNames),
      productionNames: set(c.sinks.log.developmentOnly.productionNames),
      flags: set(c.sinks.log.developmentOnly.flags),
    },

    errorConstructors: set(c.sinks.error.constructors),
    errorSuffixes: c.sinks.error.constructorSuffixes,
    errorCalls: new Map(c.sinks.error.calls.map((e) => [e.callee, e.args])),

    entryPoints: set(c.sinks.output.entryPoints, o.extraEntryPoints),
    methodOrExportedEntryPoints: set(c.sinks.output.methodOrExportedEntryPoints),
    publicEnvPrefixes: c.sinks.output.publicEnvPrefixes,
    publicEnvWords: set(c.sinks.output.publicEnvWords),
    serverSecretWords: set(c.sinks.output.serverSecretWords),
    responseObjects: set(c.sinks.output.responseObjects),
    responseMethods: set(c.sinks.output.responseMethods),
    cookieMethods: set(c.sinks.output.cookieMethods),
    responseProperties: set(c.sinks.output.responseProperties),
    routeDecorators: set(c.sinks.output.routeDecorators),
    routeMethods: set(c.sinks.output.routeMethods),
    routeServers: set(c.sinks.output.routeServers),
    routeReplyParameters: set(c.sinks.output.routeReplyParameters),
    mintingCalls: set(c.sinks.output.mintingCalls),
    mintingJwtMethods: set(c.sinks.output.mintingJwtMethods),
    responseConstructors: set(c.sinks.output.constructors),
    responseCalls: set(c.sinks.output.calls),

    transportCalls: set(c.sinks.transport.calls),
    transportConstructors: set(c.sinks.transport.constructors),
    transportMethods: set(c.sinks.transport.methods),
    urlOptions: set(c.sinks.transport.urlOptions),
    transportModules: set(c.sinks.transport.modules),
    errorsKeepRequest: set(c.sinks.transport.errorsKeepRequest),

    ambiguous: compileAmbiguousNames(ambiguous),
  };
}
