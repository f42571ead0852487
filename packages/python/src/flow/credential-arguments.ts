import { classifyLiteral, isWrittenCredential, redact } from '@secret-hygiene/core';
import type { Analysis } from './context.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { CallFacts } from './transport.js';
import type { Arguments } from './syntax.js';
import type { Value } from './values.js';

/**
 * Calls that take a signing key or a password at a fixed place, by canonical name: the positional index and the
 * keyword. Any written value there is a credential, however plain (`jwt.encode(payload, "secret")`).
 */
const KEY_ARGUMENTS: ReadonlyMap<string, { index: number; keyword: string }> = new Map([
  ['jwt.encode', { index: 1, keyword: 'key' }],
  ['jwt.decode', { index: 1, keyword: 'key' }],
  ['hmac.new', { index: 0, keyword: 'key' }],
  ['hmac.digest', { index: 0, keyword: 'key' }],
  ['requests.auth.HTTPBasicAuth', { index: 1, keyword: 'password' }],
  ['requests.auth.HTTPDigestAuth', { index: 1, keyword: 'password' }],
  ['httpx.BasicAuth', { index: 1, keyword: 'password' }],
  ['httpx.DigestAuth', { index: 1, keyword: 'password' }],
  ['aiohttp.BasicAuth', { index: 1, keyword: 'password' }],
]);

/** Keywords that take a secret key in every call of a library: `boto3.client("s3", aws_secret_access_key="…")`. */
const LIBRARY_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['boto3', ['aws_secret_access_key', 'aws_session_token']],
  ['botocore', ['aws_secret_access_key', 'aws_session_token']],
]);

/** Flask and its extensions sign sessions and tokens with these settings: `app.config["SECRET_KEY"] = "…"`. */
const SIGNING_SETTINGS = new Set(['SECRET_KEY', 'JWT_SECRET_KEY', 'SECURITY_PASSWORD_SALT', 'WTF_CSRF_SECRET_KEY']);
/** Methods that set several settings at once: `app.config.update(SECRET_KEY="…")`. */
const SETTINGS_METHODS = new Set(['update', 'from_mapping']);

/** HTTP clients whose `auth=("user", "password")` tuple carries a password. */
const AUTH_TUPLE_LIBRARIES = new Set(['requests', 'httpx']);

/**
 * `jwt.encode(payload, "shhhhh")`, `hmac.new(b"key", …)`, `HTTPBasicAuth("user", "pw")`,
 * `requests.get(url, auth=("user", "pw"))`: a literal handed to a credential API as its key or password. A value
 * the token formats recognise is left to the token scan, which reports it already.
 */
export function checkCredentialArguments(a: Analysis, call: CallFacts, args: Arguments): void {
  if (call.method !== undefined && SETTINGS_METHODS.has(call.method) && /config$/.test(call.written.slice(0, -call.method.length - 1))) {
    for (const setting of SIGNING_SETTINGS) if (call.keywords.has(setting)) report(a, call.written, args.keywords.get(setting), call.keywords.get(setting), setting);
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

/** `keyword`: the name the value is written under (`key="…"`), which the token scan also reads. */
function report(a: Analysis, api: string, node: SyntaxNode | undefined, value: Value | undefined, keyword?: string): void {
  const text = value?.complete ? value.str : undefined;
  if (!node || text === undefined || !isWrittenCredential(text) || classifyLiteral(text, keyword ? { name: keyword } : {})) return;
  a.results.add({
    ruleId: 'no-hardcoded-secret',
    severity: 'error',
    message: `The key or password given to ${api} is written into the source. Read it from the environment or a secret store, and rotate the exposed value.`,
    node,
    evidence: redact(text),
    steps: [],
  });
}

/**
 * `app.secret_key = "…"`, `app.config["SECRET_KEY"] = "…"`: a Flask application's signing key written into the
 * source. `target` is the assignment's left side, `valueNode` its right side.
 */
export function checkSigningKeyAssignment(a: Analysis, target: SyntaxNode, valueNode: SyntaxNode | null, value: Value): void {
  if (!valueNode) return;
  if (target.type === 'attribute') {
    if (target.childForFieldName('attribute')?.text === 'secret_key') report(a, target.text, valueNode, value, 'secret_key');
    return;
  }
  const holder = target.childForFieldName('value');
  const key = target.childForFieldName('subscript');
  const setting = key?.type === 'string' ? key.text.slice(1, -1) : undefined;
  if (holder && /config$/.test(holder.text) && setting !== undefined && SIGNING_SETTINGS.has(setting)) report(a, `${holder.text}["${setting}"]`, valueNode, value, setting);
}
