import { shannonEntropy } from './entropy.js';

// Words that mark a value as a stand-in written for the reader, not a credential.
// Short words (`your`, `fake`, `todo`, `tbd`) count only against a separator or an end, and every word only when
// written in one case (`xxxx`, `XXXX`, `Example`): inside a run of random letters they occur by chance (`tbd` in
// about 1 of 600 random 34-letter tokens, often as `tbD` or `XxXX`).
const PLACEHOLDER_WORDS =
  /(?:(?<![a-z])(?:your|fake|todo|tbd)|(?:your|fake|todo|tbd)(?![a-z])|example|sample|placeholder|changeme|change[_-]?me|dummy|redacted|replace|insert|enter[_ -]|xxxx|\*\*\*|•••|…|\.\.\.|foobar|lorem|ipsum|mock[_-]|[_-]mock|_here|-here|here[_-]|notreal|not[_-]a[_-]real|notasecret|not[_-]a[_-]secret|invalid[_-]|secret[_-]?value|token[_-]?value|api[_-]?key[_-]?value|my[_-]?(?:secret|token|key|password|api))/gi;
// A whole value that is only a word about a secret, a literal keyword, or a well-known default.
const PLACEHOLDER_VALUES = new Set([
  '', 'none', 'null', 'nil', 'undefined', 'true', 'false', 'empty', 'secret', 'secrets', 'password', 'passwd', 'pass',
  'token', 'apikey', 'api_key', 'api-key', 'key', 'test', 'testing', 'tests', 'admin', 'root', 'user', 'username',
  'default', 'string', 'str', 'value', 'required', 'optional', 'hidden', 'masked', 'n/a', 'na', 'tbd', 'todo',
  'qwerty', 'letmein', 'hunter2', 'abc123', 'password123', 'secret123', 'changeit', 'guest', 'postgres', 'mysql',
]);
// Template and reference syntaxes: ${VAR}, {{ var }}, $VAR, %VAR%, %s, %(name)s, {name}, <name>, [name], and words in
// parentheses, what a UI shows in place of a value: `(hidden)`, `(not set)`.
const TEMPLATE = /\$\{[^}]*\}|\{\{[^}]*\}\}|^\$[A-Za-z_][A-Za-z0-9_]*$|^%[A-Za-z_][A-Za-z0-9_]*%$|%(?:\([A-Za-z_]+\))?[sdr](?![0-9a-fA-F])|^\{[A-Za-z_][\w.-]*\}$|^<[^<>]*>$|^\[[^[\]]*\]$|^\([A-Za-z][A-Za-z .,'_-]*\)$|\$\(|#\{[^}]*\}|\{\{|\}\}|^\$\{|<%=?|%>/;
const ENV_REFERENCE = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|env\(|getenv\(|ENV\[|System\.getenv|Deno\.env)/;
const MASKED = /^[*xX•#.·_\-=0\s]+$/;

/**
 * True for values that only stand in for a secret: `your_api_key_here`, `<token>`, `xxxx`, `${VAR}`, `sk-...`,
 * `changeme`, `ENTER HF ACCESS TOKEN HERE`, `[REDACTED]`, repeated or sequential filler.
 */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (PLACEHOLDER_VALUES.has(trimmed.toLowerCase())) return true;
  if (MASKED.test(trimmed) || TEMPLATE.test(trimmed) || ENV_REFERENCE.test(trimmed)) return true;
  if (trimmed.length < 6) return trimmed.length === 0;
  if (hasPlaceholderWord(trimmed)) return true;
  if (/\s/.test(trimmed) && /^[A-Za-z][A-Za-z ,.'_-]*$/.test(trimmed)) return true; // prose: "ENTER HF ACCESS TOKEN HERE"
  if (/(?:x{4}|X{4}|\*{4}|0{6})/.test(trimmed)) return true; // `xXxX` is chance in random letters
  return hasFiller(longestRun(trimmed));
}

const HIDING = /^[\s*•xX#.\-_]*$|redact|mask|hidden/i;

/**
 * Text that stands for a value someone fills in (`<PASSWORD>`, `YOUR_API_KEY`), unlike a mask that hides one
 * (`****`, `[REDACTED]`): a function that only returns it is a stub, read by its name.
 */
export function isStandIn(value: string): boolean {
  return isPlaceholderValue(value) && !HIDING.test(value);
}

// Words of the weak values a credential is shown with in examples and tests (`MyPassword`, `SampleToken`, `test123`) and filler.
const DUMMY_CREDENTIAL = /pass|test|sample|example|change|dummy|fake|my[_-]?(?:token|secret|key)|(.)\1{7}/i;
// The name of a variable to read the value from (`OPENAI_API_KEY`, `TOKEN`), a file to read it from (`./key.pem`).
const NAME_OF_VALUE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,12}$|^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|p12|pfx|json|txt|env)$/;

/**
 * Whether a literal that a credential API takes as its key or password (`jwt.sign(payload, '…')`) holds a real
 * value: any written text does, however short or plain (`shhhhh`, `keyboard cat`), unless it is empty, a
 * reference (`${JWT_SECRET}`, `OPENAI_API_KEY`, `./key.pem`), a mask, a stand-in written for the reader
 * (`<your secret>`, `xxxx`, `changeme`) or one of the weak values examples use (`MyPassword`, `test1234`).
 */
export function isWrittenCredential(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 4 || MASKED.test(trimmed) || TEMPLATE.test(trimmed) || ENV_REFERENCE.test(trimmed)) return false;
  if (DUMMY_CREDENTIAL.test(trimmed) || NAME_OF_VALUE.test(trimmed)) return false;
  return !hasPlaceholderWord(trimmed);
}

// A label (`Password`, `Contraseña`), prose (`Mot de passe`), validation rules (`required|min:8`), a format (`pw_{}`)
// or a run of underscores (`insecure__`): none is a password.
const NOT_A_PASSWORD = /^\p{Lu}\p{Ll}+$|[\s|]|\{\}|__/u;

/**
 * Whether a literal under a password-named option of any call (`connect(password="…")`, `new Redis({ password: '…'
 * })`) holds a password: a written credential (above) of six characters or more that reads as neither a label nor
 * prose. Stricter than a catalogued credential API, where any written text is the key.
 */
export function isWrittenPassword(value: string): boolean {
  return value.length >= 6 && !NOT_A_PASSWORD.test(value) && isWrittenCredential(value);
}

/** Letters written in one case, as a person writes a word: `todo`, `TODO`, `Todo`, not `tODo`. */
const ONE_CASE = /^(?:[^A-Za-z]*[a-z][^A-Z]*|[^a-z]*|[^A-Za-z]*[A-Z][^A-Z]*)$/;

function hasPlaceholderWord(value: string): boolean {
  for (const match of value.matchAll(PLACEHOLDER_WORDS)) if (ONE_CASE.test(match[0])) return true;
  return false;
}

/** The longest run of letters and digits: the random part of a structured token (`<id>:<random>`). */
export function longestRun(value: string): string {
  let best = '';
  for (const run of value.match(/[A-Za-z0-9]+/g) ?? []) if (run.length > best.length) best = run;
  return best;
}

/** A run of one repeated character, or an ascending/descending run, long enough that no random token has it. */
export function hasFiller(value: string, runLength = 6): boolean {
  const folded = value.toLowerCase(); // `AbCdEf` is as sequential as `abcdef`
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < folded.length; i++) {
    const d = folded.charCodeAt(i) - folded.charCodeAt(i - 1);
    same = d === 0 ? same + 1 : 1;
    up = d === 1 ? up + 1 : 1;
    down = d === -1 ? down + 1 : 1;
    if (same >= runLength || up >= runLength || down >= runLength) return true;
  }
  return false;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$|^[0-9A-F]+$/;
const HASH_PREFIX = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?|xxh\d*)[-:]/i;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*(?:[.:-][A-Za-z_$][A-Za-z0-9_$]*)*$/;
const PATH_OR_URL = /^(?:[a-z][a-z0-9+.-]*:\/\/|urn:|\/|\.\.?\/|~\/|[A-Za-z]:\\)|^[\w.-]+(?:\/[\w.@-]+){2,}\/?$|^[\w.@-]+(?:\/[\w.@-]+)+\.[a-z]{1,5}$/;
const VERSION = /^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/;

/**
 * True for strings that look random but are not credentials: UUIDs and hex digests (git SHAs, content hashes),
 * unless `hexMayBeKey` says a secret name holds them; integrity strings, identifiers (camelCase, snake_case,
 * dotted), paths, URLs without a password, versions, data URIs, and base64 that decodes to ordinary text.
 */
export function looksLikeNonSecret(value: string, options: { hexMayBeKey?: boolean } = {}): boolean {
  // A UUID names a record, unless a secret name holds it: some providers issue keys as UUIDs (Heroku, Pinecone).
  if (UUID.test(value)) return !options.hexMayBeKey;
  if (HASH_PREFIX.test(value) || value.startsWith('data:')) return true;
  // A digest-length hex string is a hash, unless its name already says it is a key (`API_KEY = "<32 hex>"`).
  if (!options.hexMayBeKey && HEX.test(value) && [7, 8, 12, 16, 20, 32, 40, 56, 64, 96, 128].includes(value.length)) return true;
  if (VERSION.test(value) || PATH_OR_URL.test(value)) return true;
  if (IDENTIFIER.test(value) && isWordy(value)) return true;
  if (isWordSlug(value)) return true;
  if (/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value) && decodesToText(value)) return true;
  return false;
}

/** A code identifier made of words (`hf_AutoModelForCausalLM`, `MAX_TOKEN_COUNT`): a name, not a credential. */
export function looksLikeIdentifier(value: string): boolean {
  return IDENTIFIER.test(value) && isWordy(value);
}

/** An identifier made of words (`getUserAccessTokenFromCache`, `MAX_RETRY_COUNT`), not random characters. */
function isWordy(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '').length;
  if (digits > 2) return false;
  // Names capitalise the starts of words; a long run of random letters has about as many capitals as small ones.
  const upper = value.replace(/[^A-Z]/g, '').length;
  const lower = value.replace(/[^a-z]/g, '').length;
  if (upper + lower >= 20 && lower > 0 && upper / (upper + lower) > 0.35) return false;
  // Split like identifiers are written: `adminAPIKey` -> admin API Key, `HTTPServer` -> HTTP Server.
  const parts = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter(Boolean);
  if (parts.length === 0) return true;
  // Words have vowels and are rarely one or two letters; a random mixed-case run breaks into many odd pieces.
  const short = parts.filter((p) => p.length <= 2).length;
  // One abbreviation written as a word (`Vpc` of `linkedVpcNetwork`, `Sql`, `Dns`) is still a name's part.
  const abbreviations = parts.filter((p) => TITLED_ABBREVIATION.test(p) && !isWordLike(p)).length;
  const wordLike = parts.filter((p) => p.length <= 2 || (p.length <= 4 && /^[A-Z]+$/.test(p)) || TITLED_ABBREVIATION.test(p) || isWordLike(p));
  const average = value.replace(/[^A-Za-z]/g, '').length / parts.length;
  return wordLike.length === parts.length && abbreviations <= 1 && short * 3 <= parts.length && average >= 2.5;
}

const TITLED_ABBREVIATION = /^[A-Z][a-z]{2,3}$/;

/** Words and small numbers joined by separators: `scram-sha-256`, `hf-access-token-prod`, `us-east-1`. */
function isWordSlug(value: string): boolean {
  const segments = value.split(/[-_./:]+/).filter(Boolean);
  if (segments.length < 2) return false;
  return segments.every((s) => {
    if (/^\d{1,4}$/.test(s)) return true;
    const word = /^([A-Za-z]+)\d{0,4}$/.exec(s)?.[1]; // `x509`, `v2`, `sha256`
    // A camelCase name is a segment too: `roles/iam.serviceAccountTokenCreator`.
    return word !== undefined && (word.length <= 3 || isWordLike(word) || (/[a-z][A-Z]/.test(word) && isWordy(word)));
  });
}

/** One word: not too long, with vowels spread through it (random letter runs have long consonant stretches). */
function isWordLike(part: string): boolean {
  if (part.length > 16) return false;
  const vowels = part.replace(/[^aeiouy]/gi, '').length;
  return vowels / part.length >= 0.15 && !/[^aeiouy\d]{5}/i.test(part);
}

/** Base64 whose decoded bytes are mostly printable ASCII words: an encoded sentence or config, not a key. */
function decodesToText(value: string): boolean {
  let decoded: string;
  try {
    decoded = Buffer.from(value, 'base64').toString('latin1');
  } catch {
    return false;
  }
  if (decoded.length < 8) return false;
  const printable = decoded.replace(/[^\x20-\x7e\t\r\n]/g, '').length / decoded.length;
  const letters = decoded.replace(/[^A-Za-z ]/g, '').length / decoded.length;
  return printable > 0.97 && letters > 0.7 && /[a-z]{3,} [a-z]{2,}/i.test(decoded);
}

/** Entropy high enough for the value's length to be random rather than a word or pattern. */
export function isRandomEnough(value: string, floor: number): boolean {
  return shannonEntropy(value) >= floor;
}
