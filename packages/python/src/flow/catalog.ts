import { catalogDocument, compileAmbiguousNames, dottedReceivers, shippedAmbiguousNames, type AmbiguousNameTables } from '@secret-hygiene/core';

/** The `python` section of `rules/flows.yaml`, as its schema describes it. */
export interface PythonFlowCatalog {
  sources: {
    secretTypes: string[];
    secretValueMethods: string[];
    secretListTypes: string[];
    environObjects: string[];
    envGetters: string[];
    secretFileOpeners: string[];
    secretFileReadMethods: string[];
    secretFileDirectories: string[];
    secretMappings: string[];
    secretMappingKwargs: string[];
    requestObjects: string[];
    requestCredentialMembers: string[];
    credentialKeys: string[];
    optionDeclarers: string[];
    secretCalls: string[];
    environCalls: string[];
  };
  propagators: { functions: string[]; methods: string[]; argumentMethods: string[]; mutatingMethods: string[] };
  sanitizers: { functions: string[]; modules: string[]; nameWords: string[]; methods: string[]; shortRevealMax: number };
  sinks: {
    log: {
      calls: string[];
      loggerFactories: string[];
      loggerModules: string[];
      loggerObjectWords: string[];
      loggerMethods: string[];
      settingKeywords: string[];
    };
    error: { constructorSuffixes: string[]; calls: string[]; echoingCalls: string[]; echoingResults: string[] };
    output: {
      entryClasses: Array<{ platform: string; bases?: string[]; names?: string[]; methods: string[] }>;
      entryFunctions: Array<{ platform: string; modules: string[]; names: string[] }>;
      routeDecoratorMethods: string[];
      cookieMethods: string[];
      mintingCalls: string[];
      displayModules: string[];
      displayCalls: string[];
    };
    transport: {
      calls: string[];
      methodFirstCalls: string[];
      clientConstructors: string[];
      clientMethods: string[];
      clientCredentialKeywords: string[];
      clientMethodFirstMethods: string[];
      urlKeywords: string[];
      urlInErrors: string[];
    };
  };
}

/** The catalog compiled into sets, built once per process. */
export interface PythonFlowTables {
  catalog: PythonFlowCatalog;
  secretTypes: Set<string>;
  secretValueMethods: Set<string>;
  secretListTypes: Set<string>;
  environObjects: Set<string>;
  envGetters: Set<string>;
  secretFileOpeners: Set<string>;
  secretFileReadMethods: Set<string>;
  secretMappings: Set<string>;
  secretMappingKwargs: Set<string>;
  requestObjects: Set<string>;
  requestCredentialMembers: Set<string>;
  credentialKeys: Set<string>;
  secretCalls: Set<string>;
  environCalls: Set<string>;
  optionDeclarers: Set<string>;
  routeDecoratorMethods: Set<string>;
  cookieMethods: Set<string>;
  /** Calls that make a new credential for the caller (`secrets.token_urlsafe`, `jwt.encode`). */
  mintingCalls: Set<string>;
  displayModules: Set<string>;
  displayCalls: Set<string>;
  propagatorFunctions: Set<string>;
  propagatorMethods: Set<string>;
  argumentMethods: Set<string>;
  mutatingMethods: Set<string>;
  sanitizerFunctions: Set<string>;
  sanitizerModules: Set<string>;
  sanitizerWords: Set<string>;
  sanitizerMethods: Set<string>;
  logCalls: Set<string>;
  /** Every object a dotted log call is a member of (`sys`, `sys.stdout` for `sys.stdout.write`). */
  logCallReceivers: Set<string>;
  loggerFactories: Set<string>;
  loggerModules: Set<string>;
  loggerObjectWords: Set<string>;
  loggerMethods: Set<string>;
  logSettingKeywords: Set<string>;
  errorSuffixes: string[];
  errorCalls: Set<string>;
  echoingCalls: Set<string>;
  echoingResults: Set<string>;
  transportCalls: Set<string>;
  methodFirstCalls: Set<string>;
  clientConstructors: Set<string>;
  clientMethods: Set<string>;
  /** Keywords a client constructor keeps and shows back as members of the client (`headers`, `api_key`). */
  clientCredentialKeywords: Set<string>;
  clientMethodFirstMethods: Set<string>;
  urlKeywords: Set<string>;
  urlInErrors: Set<string>;
  /** Counter-evidence for a bare `token` (flows.yaml `ambiguousNames`, shared with the TypeScript engine). */
  ambiguous: AmbiguousNameTables;
}

export { squash } from '@secret-hygiene/core';

let tables: PythonFlowTables | undefined;
const extended = new Map<string, PythonFlowTables>();

/** Names a project adds (the CLI's config file, the same keys as the ESLint options). */
export interface PythonFlowExtras {
  extraLoggers?: readonly string[];
  extraSanitizers?: readonly string[];
  extraSecretTypes?: readonly string[];
}

/** The shipped tables, or a copy with the project's extra loggers, sanitizers and secret types added. */
export function pythonFlowTables(extras: PythonFlowExtras = {}): PythonFlowTables {
  const base = shippedTables();
  const { extraLoggers = [], extraSanitizers = [], extraSecretTypes = [] } = extras;
  if (extraLoggers.length + extraSanitizers.length + extraSecretTypes.length === 0) return base;
  const key = JSON.stringify([extraLoggers, extraSanitizers, extraSecretTypes]);
  let found = extended.get(key);
  if (!found) {
    found = {
      ...base,
      logCalls: new Set([...base.logCalls, ...extraLoggers]),
      logCallReceivers: dottedReceivers([...base.logCalls, ...extraLoggers]),
      sanitizerFunctions: new Set([...base.sanitizerFunctions, ...extraSanitizers]),
      secretTypes: new Set([...base.secretTypes, ...extraSecretTypes]),
    };
    if (extended.size > 16) extended.clear();
    extended.set(key, found);
  }
  return found;
}

let callWords: string[] | undefined;

/**
 * The names of the library calls that return a secret by themselves (`getpass.getpass()`, `dotenv_values(...)`),
 * which need not contain a secret word: the textual prefilters look for them beside the secret words.
 */
export function sourceCallWords(): readonly string[] {
  if (!callWords) {
    const { secretCalls, environCalls } = shippedTables().catalog.sources;
    callWords = [...new Set([...secretCalls, ...environCalls].map((callee) => callee.slice(callee.lastIndexOf('.') + 1)))];
  }
  return callWords;
}

let requestCredentials: RegExp | undefined;

/** `request.headers`, `req.cookies`: text that reads a request's credentials (`requestObjects`, `requestCredentialMembers`). */
export function requestCredentialsPattern(): RegExp {
  if (!requestCredentials) {
    const { requestObjects, requestCredentialMembers } = shippedTables().catalog.sources;
    requestCredentials = new RegExp(`\\b(?:${requestObjects.join('|')})\\.(?:${requestCredentialMembers.join('|')})\\b`);
  }
  return requestCredentials;
}

function shippedTables(): PythonFlowTables {
  if (tables) return tables;
  const catalog = catalogDocument<{ python: PythonFlowCatalog }>('flows').python;
  const { sources: so, propagators: pr, sanitizers: sa, sinks: si } = catalog;
  tables = {
    catalog,
    secretTypes: new Set(so.secretTypes),
    secretValueMethods: new Set(so.secretValueMethods),
    secretListTypes: new Set(so.secretListTypes),
    environObjects: new Set(so.environObjects),
    envGetters: new Set(so.envGetters),
    secretFileOpeners: new Set(so.secretFileOpeners),
    secretFileReadMethods: new Set(so.secretFileReadMethods),
    secretMappings: new Set(so.secretMappings),
    secretMappingKwargs: new Set(so.secretMappingKwargs),
    requestObjects: new Set(so.requestObjects),
    requestCredentialMembers: new Set(so.requestCredentialMembers),
    credentialKeys: new Set(so.credentialKeys),
    secretCalls: new Set(so.secretCalls),
    environCalls: new Set(so.environCalls),
    optionDeclarers: new Set(so.optionDeclarers),
    routeDecoratorMethods: new Set(si.output.routeDecoratorMethods),
    cookieMethods: new Set(si.output.cookieMethods),
    mintingCalls: new Set(si.output.mintingCalls),
    displayModules: new Set(si.output.displayModules),
    displayCalls: new Set(si.output.displayCalls),
    propagatorFunctions: new Set(pr.functions),
    propagatorMethods: new Set(pr.methods),
    argumentMethods: new Set(pr.argumentMethods),
    mutatingMethods: new Set(pr.mutatingMethods),
    sanitizerFunctions: new Set(sa.functions),
    sanitizerModules: new Set(sa.modules),
    sanitizerWords: new Set(sa.nameWords),
    sanitizerMethods: new Set(sa.methods),
    logCalls: new Set(si.log.calls),
    logCallReceivers: dottedReceivers(si.log.calls),
    loggerFactories: new Set(si.log.loggerFactories),
    loggerModules: new Set(si.log.loggerModules),
    loggerObjectWords: new Set(si.log.loggerObjectWords),
    loggerMethods: new Set(si.log.loggerMethods),
    logSettingKeywords: new Set(si.log.settingKeywords),
    errorSuffixes: si.error.constructorSuffixes,
    errorCalls: new Set(si.error.calls),
    echoingCalls: new Set(si.error.echoingCalls),
    echoingResults: new Set(si.error.echoingResults),
    transportCalls: new Set(si.transport.calls),
    methodFirstCalls: new Set(si.transport.methodFirstCalls),
    clientConstructors: new Set(si.transport.clientConstructors),
    clientMethods: new Set(si.transport.clientMethods),
    clientCredentialKeywords: new Set(si.transport.clientCredentialKeywords),
    clientMethodFirstMethods: new Set(si.transport.clientMethodFirstMethods),
    urlKeywords: new Set(si.transport.urlKeywords),
    urlInErrors: new Set(si.transport.urlInErrors),
    ambiguous: compileAmbiguousNames(shippedAmbiguousNames()),
  };
  return tables;
}
