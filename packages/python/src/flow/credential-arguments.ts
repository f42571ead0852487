import { catalogDocument, classifyLiteral, isWrittenCredential, isWrittenPassword, redact } from '@secret-hygiene/core';
import type { Analysis } from './context.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { CallFacts } from './transport.js';
import { literalContent, type Arguments } from './syntax.js';
import { stepAt, type Step, type Value } from './values.js';

/** `sinks.credentials` of `rules/flows.yaml` for Python: where a literal is handed over as a key or password. */
interface CredentialApiCatalog {
  keyArguments: Record<string, { index: number; keyword: string }>;
  methodKeyArguments: Record<string, { index: number; keyword: string }>;
  libraryKeywords: Record<string, string[]>;
  authTupleLibraries: string[];
  signingSettings: string[];
  settingsMethods: string[];
  signingAttributes: string[];
  notLoginCallees: string[];
}

const catalog = catalogDocument<{ python: { sinks: { credentials: CredentialApiCatalog } } }>('flows').python.sinks.credentials;

/**
 * Calls that take a signing key or a password at a fixed place, by canonical name: the positional index and the
 * keyword. Any written value there is a credential, however plain (`jwt.encode(payload, "secret")`).
 */
const KEY_ARGUMENTS: ReadonlyMap<string, { index: number; keyword: string }> = new Map(Object.entries(catalog.keyArguments));
/** Methods that take a password whatever their receiver: `smtp.login(user, password)`. */
const METHOD_KEY_ARGUMENTS: ReadonlyMap<string, { index: number; keyword: string }> = new Map(Object.entries(catalog.methodKeyArguments));
/** Keywords that take a secret key in every call of a library: `boto3.client("s3", aws_secret_access_key="…")`. */
const LIBRARY_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(catalog.libraryKeywords));
/** HTTP clients whose `auth=("user", "password")` tuple carries a password. */
const AUTH_TUPLE_LIBRARIES = new Set(catalog.authTupleLibraries);
/** Settings an application signs sessions and tokens with: `app.config["SECRET_KEY"] = "…"`. */
const SIGNING_SETTINGS = new Set(catalog.signingSettings);
/** Methods that set several settings at once: `app.config.update(SECRET_KEY="…")`. */
const SETTINGS_METHODS = new Set(catalog.settingsMethods);
/** Attributes that hold the signing key: Flask's `app.secret_key`. */
const SIGNING_ATTRIBUTES = new Set(catalog.signingAttributes);
/** Calls that only check what they are given (`mock.assert_called_with(password="…")`): no login. */
const NOT_LOGIN_CALLEES = new Set(catalog.notLoginCallees);

/**
 * The words a function's text holds when it calls a keyed credential API: the module and the function (`jwt`,
 * `encode`), or a class alone (`HTTPBasicAuth`, imported by name). Such a function is worth analysing even when
 * nothing in it names a secret (`return jwt.encode(payload, "shhhhh")`).
 */
export const CREDENTIAL_CALL_WORDS: ReadonlyArray<readonly string[]> = [
  ...Object.keys(catalog.keyArguments).map((canonical) => {
    const parts = canonical.split('.');
    const last = parts.at(-1)!;
    return /^[A-Z]/.test(last) ? [last] : [parts[0]!, last];
  }),
  ...Object.keys(catalog.methodKeyArguments).map((method) => [method]),
];

/**
 * `jwt.encode(payload, "shhhhh")`, `hmac.new(b"key", …)`, `HTTPBasicAuth("user", "pw")`,
 * `requests.get(url, auth=("user", "pw"))`: a literal handed to a credential API as its key or password. A value
 * the token formats recognise is left to the token scan, which reports it already.
 */
export function checkCredentialArguments(a: Analysis, call: CallFacts, args: Arguments): void {
  // `psycopg2.connect(password="…")`, `redis.Redis(password=DB_PASSWORD)`: any call's password keyword.
  const callee = call.canonical ?? call.written;
  if (!NOT_LOGIN_CALLEES.has(call.method ?? callee)) {
    for (const [keyword, node] of args.keywords) {
      const value = call.keywords.get(keyword);
      if (value?.complete && a.names.namesAPassword(keyword) && isWrittenPassword(value.str!)) report(a, callee, node, value, keyword);
    }
  }
  if (call.method !== undefined && SETTINGS_METHODS.has(call.method) && /config$/.test(call.written.slice(0, -call.method.length - 1))) {
    for (const setting of SIGNING_SETTINGS) if (call.keywords.has(setting)) report(a, call.written, args.keywords.get(setting), call.keywords.get(setting), setting);
  }
  const byMethod = call.method === undefined ? undefined : METHOD_KEY_ARGUMENTS.get(call.method);
  if (byMethod) {
    const byKeyword = args.keywords.get(byMethod.keyword);
    if (byKeyword) report(a, call.written, byKeyword, call.keywords.get(byMethod.keyword), byMethod.keyword);
    else report(a, call.written, args.positional[byMethod.index], call.positional[byMethod.index]);
  }
  const canonical = call.canonical;
  if (canonical === undefined) return;
  const keyed = KEY_ARGUMENTS.get(canonical);
  if (keyed) {
    const byKeyword = args.keywords.get(keyed.keyword);
    if (byKeyword) report(a, canonical, byKeyword, call.keywords.get(keyed.keyword), keyed.keyword);
    else report(a, canonical, args.positional[keyed.index], call.positional[keyed.index]);
  }
  for (const keyword of LIBRARY_KEYWORDS.get(canonical.split('.')[0]!) ?? []) {
    if (call.keywords.has(keyword)) report(a, canonical, args.keywords.get(keyword), call.keywords.get(keyword), keyword);
  }
  if (call.keywords.has('auth') && AUTH_TUPLE_LIBRARIES.has(canonical.split('.')[0]!)) {
    const auth = call.keywords.get('auth');
    const node = args.keywords.get('auth');
    if (auth?.items?.length === 2 && node?.type === 'tuple') report(a, `${canonical}(auth=…)`, node.namedChildren[1], auth.items[1]);
  }
}

/**
 * Reports the literal the value was written as when it is in this file (`PASSWORD = "…"` above the call), else the
 * argument. `keyword`: the name the value is written under (`key="…"`), which the token scan also reads.
 */
function report(a: Analysis, api: string, node: SyntaxNode | undefined, value: Value | undefined, keyword?: string): void {
  const text = value?.complete ? value.str : undefined;
  if (!node || text === undefined || !isWrittenCredential(text) || classifyLiteral(text, keyword ? { name: keyword } : {})) return;
  reportLiteral(a, `The key or password given to ${api}`, node, value!, text, `given to ${api}`);
}

function reportLiteral(a: Analysis, what: string, node: SyntaxNode, value: Value, text: string, use: string): void {
  const literal = value.literal !== undefined && value.literal.file === node.file ? value.literal : undefined;
  const steps: Step[] = literal && literal !== node ? [stepAt(literal, 'written here'), stepAt(node, use)] : [];
  a.results.add({
    ruleId: 'no-hardcoded-secret',
    severity: 'error',
    message: `${what} is written into the source. Read it from the environment or a secret store, and rotate the exposed value.`,
    node: literal ?? node,
    evidence: redact(text),
    steps,
  });
}

/** `def connect(password="…")`: a password-named parameter that defaults to a written password. */
export function checkPasswordDefault(a: Analysis, name: string, node: SyntaxNode): void {
  if (node.type !== 'string' || node.namedChildren.some((c) => c.type === 'interpolation')) return;
  if (!a.names.namesAPassword(name)) return;
  const text = literalContent(node.text);
  if (!isWrittenPassword(text) || classifyLiteral(text, { name })) return;
  reportLiteral(a, `The default value of ${name}`, node, { str: text, complete: true }, text, '');
}

/** `os.getenv("JWT_SECRET", "…")`: a secret's fallback written into the source is the secret wherever it is unset. */
export function checkSecretDefault(a: Analysis, name: string, value: Value): void {
  const text = value.complete ? value.str : undefined;
  // No token scan reads a name here (`getenv("JWT_SECRET", "…")` assigns nothing): this reports token-shaped values too.
  if (text === undefined || !value.literal || !isWrittenPassword(text)) return;
  reportLiteral(a, `The default value of ${name}`, value.literal, value, text, '');
}

/**
 * `if password == "…"`, `user.passwd != "…"`: a password checked against a literal. `left` and `right` are the
 * compared expressions, `values` what they evaluated to.
 */
export function checkPasswordComparison(a: Analysis, left: SyntaxNode, right: SyntaxNode, values: [Value, Value]): void {
  for (const [named, other, value] of [[left, right, values[1]], [right, left, values[0]]] as const) {
    const name = named.type === 'identifier' ? named.text : named.type === 'attribute' ? named.childForFieldName('attribute')?.text : undefined;
    const text = value.complete ? value.str : undefined;
    if (name === undefined || text === undefined || !a.names.namesAPassword(name) || !isWrittenPassword(text) || classifyLiteral(text, { name })) continue;
    reportLiteral(a, `The expected value of ${named.text}`, other, value, text, `compared with ${named.text}`);
  }
}

/**
 * `app.secret_key = "…"`, `app.config["SECRET_KEY"] = "…"`: a Flask application's signing key written into the
 * source. `target` is the assignment's left side, `valueNode` its right side.
 */
export function checkSigningKeyAssignment(a: Analysis, target: SyntaxNode, valueNode: SyntaxNode | null, value: Value): void {
  if (!valueNode) return;
  if (target.type === 'attribute') {
    const attribute = target.childForFieldName('attribute')?.text;
    if (attribute !== undefined && SIGNING_ATTRIBUTES.has(attribute)) report(a, target.text, valueNode, value, attribute);
    return;
  }
  const holder = target.childForFieldName('value');
  const key = target.childForFieldName('subscript');
  const setting = key?.type === 'string' ? key.text.slice(1, -1) : undefined;
  // `os.environ["DB_PASSWORD"] = "…"`: the process and every child it starts log in with it.
  if (holder && setting !== undefined && value.complete && a.names.namesAPassword(setting) && isWrittenPassword(value.str!) && a.tables.environObjects.has(a.imports.canonical(holder.text))) {
    report(a, `${holder.text}["${setting}"]`, valueNode, value, setting);
    return;
  }
  if (holder && /config$/.test(holder.text) && setting !== undefined && SIGNING_SETTINGS.has(setting)) report(a, `${holder.text}["${setting}"]`, valueNode, value, setting);
}
