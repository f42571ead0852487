import { compileAmbiguousNames, dottedReceivers } from '@secret-hygiene/core';
import { shippedAmbiguousCatalog, shippedJsCatalog } from './catalog.js';
export { squash } from '@secret-hygiene/core';
const cache = new Map();
export function flowTables(options = {}) {
    const key = JSON.stringify([options.extraLoggers, options.extraEntryPoints, options.extraSecretTypes, options.extraSanitizers, options.extraSecretEnv]);
    let tables = cache.get(key);
    if (!tables) {
        tables = compile(shippedJsCatalog(), options);
        if (cache.size > 50)
            cache.clear();
        cache.set(key, tables);
    }
    return tables;
}
export function compile(c, o, ambiguous = shippedAmbiguousCatalog()) {
    const set = (...lists) => new Set(lists.flatMap((l) => l ?? []));
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
        extraSecretEnv: set(o.extraSecretEnv),
        extraSecretWords: new Set((o.extraSecretEnv ?? []).map((n) => n.replace(/[^A-Za-z0-9]/g, '').toLowerCase())),
        propagatorFunctions: set(c.propagators.functions),
        propagatorMethods: set(c.propagators.methods),
        argumentMethods: set(c.propagators.argumentMethods),
        mutatingMethods: set(c.propagators.mutatingMethods),
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
        errorConstructors: set(c.sinks.error.constructors),
        errorSuffixes: c.sinks.error.constructorSuffixes,
        errorCalls: new Map(c.sinks.error.calls.map((e) => [e.callee, e.args])),
        entryPoints: set(c.sinks.output.entryPoints, o.extraEntryPoints),
        methodOrExportedEntryPoints: set(c.sinks.output.methodOrExportedEntryPoints),
        responseObjects: set(c.sinks.output.responseObjects),
        responseMethods: set(c.sinks.output.responseMethods),
        responseProperties: set(c.sinks.output.responseProperties),
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
