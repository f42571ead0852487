import { catalogDocument } from '../../catalog/builtin.js';
import { defaultNameClassifier, type NameVocabulary } from '../../names.js';
import { shannonEntropy } from '../entropy.js';
import { isPlaceholderValue, looksLikeIdentifier, looksLikeNonSecret } from '../placeholder.js';
import type { Check } from './types.js';

// Files where a bare word after `=` or `:` is a value, not an expression.
const PLAIN_VALUE_FILES = /(?:^|[/\\])(?:\.env[\w.-]*|[^/\\]*\.(?:env|ya?ml|toml|ini|cfg|conf|properties|sh|bash|zsh|txt|md|json)|Dockerfile[\w.-]*|\.npmrc|\.pypirc|\.netrc)$/i;
const NAME_CHAR = /[\w.$-]/;
const MEMBER_CHAIN = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)+$/;

/**
 * The generic rule: a random-looking value assigned to a name that says it holds a secret
 * (`apiKey`, `DB_PASSWORD`, `client_secret`), judged by the shared name vocabulary.
 */
export const secretNameCheck: Check = ({ text, match, candidate, path }) => {
  const name = nameAround(text, match.index);
  const quoted = /["'`]/.test(text[candidate.start - 1] ?? '');
  if (!quoted) {
    if (path !== undefined && !PLAIN_VALUE_FILES.test(path) && !inConnectionString(text, match.index)) return [];
    if (/^[(.[]/.test(text[candidate.end] ?? '')) return [];
    if (MEMBER_CHAIN.test(candidate.secret)) return []; // `result.groups?.password`: an expression, not a value
    if (!/^[A-Za-z0-9]/.test(candidate.secret)) return []; // `node::credentials::X`, `password: -v`
  }
  // `("API_KEY", "value")` is a call that sets a secret, as is a `['apiKey', 'value']` pair (the ESLint rule names
  // such a value the same way); in a longer list (`['apiKey', 'adminAPIKey', …]`) the comma only separates words,
  // so there the value must look random on its own.
  if (match.groups?.op === ',' && !looksRandom(candidate.secret) && !(quoted && isNamedPair(text, match.index, candidate.end))) return [];
  const typedWords = path === undefined || !PROSE_FILES.test(path);
  return secretForName(name, candidate.secret, { typedWords }) ? [candidate] : [];
};

// Documentation shows example passwords by the dozen (`password: secretpassword`): there a typed word is no finding.
const PROSE_FILES = /\.(?:md|mdx|markdown|rst|txt|adoc)$/i;

// Keys a connection string names before its password: `"dbname=app user=app password=…"` (libpq),
// `"Server=db;User Id=app;Password=…;"` (ODBC, ADO.NET).
const CONNECTION_STRING_KEY = /(?:^|[\s;"'`])(?:user(?:name| ?id)?|uid|host|server|dbname|database|data source)[ \t]*=/i;

/** Whether the keyword at `at` is a key of a connection string written in a string literal on its line. */
function inConnectionString(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(Math.max(lineStart, at - 200), at);
  return /["'`]/.test(before) && CONNECTION_STRING_KEY.test(before);
}

/**
 * Whether the quoted name around the keyword at `at` is a call's first argument (`constant('api_key', '…')`,
 * `setdefault("HF_TOKEN", "…")`) or the first of a two-element array (`['apiKey', '…']`) whose value ends at `end`.
 */
function isNamedPair(text: string, at: number, end: number): boolean {
  let start = at;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  if (!/["'`]/.test(text[start - 1] ?? '')) return false;
  const opener = /(\S)\s*$/.exec(text.slice(Math.max(0, start - 41), start - 1))?.[1];
  if (opener === '(') return true;
  return opener === '[' && /^["'`]\s*\]/.test(text.slice(end, end + 40));
}

/** Walks out from a keyword to the whole identifier it belongs to (`OPENAI_API_KEY`, `config.clientSecret`). */
function nameAround(text: string, index: number): string {
  let start = index;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  const name = text.slice(start, end);
  // `config.clientSecret`, `os.environ.API_KEY`: the last member is the name.
  return name.split('.').filter(Boolean).pop() ?? name;
}

/**
 * Whether `value`, assigned to `name`, is a hardcoded secret rather than a reference, word or example.
 * `typedWords: false` leaves out the one typed word under a password name (for documentation).
 */
export function secretForName(name: string, value: string, options: { typedWords?: boolean } = {}): boolean {
  const verdict = defaultNameClassifier().classify(name);
  if (verdict === 'no') return false;
  if (value.length < 8 || isPlaceholderValue(value) || namesASecret(value)) return false;
  const typed = options.typedWords !== false && verdict === 'secret' && typedPassword(name, value);
  if (typed && !isKeyboardDummy(value)) return true;
  if (looksLikeNonSecret(value, { hexMayBeKey: verdict === 'secret' })) return false;
  if (/\s/.test(value) || isKeyboardDummy(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  const entropy = shannonEntropy(value);
  // A short value cannot reach a long one's entropy (8 characters give at most 3 bits each): the floor scales
  // with the length, so a typed password (`s3cr3tP4ss`) counts and a repetitive one (`aaaa1111`) does not.
  if (verdict === 'secret') return classes >= 2 && entropy >= Math.min(2.8, 0.75 * Math.log2(value.length));
  // A bare `key`/`token` names many things (React keys, i18n keys, cursors): only a long random run counts.
  return looksRandom(value) && entropy >= 3.5;
}

// Letters joined by `-`, `_` or `.`, no digit: what a name is spelled with (`-authtoken`, `client_secret`).
const SPELLED_NAME = /^[-_.]*[A-Za-z]+(?:[-_.][A-Za-z]+)*$/;

/** A value that is itself a secret's name (`['_authtoken', '-authtoken']`, `key: 'client_secret'`): a name, not a secret. */
function namesASecret(value: string): boolean {
  return SPELLED_NAME.test(value) && defaultNameClassifier().classify(value.replace(/^[-_.]+/, '')) !== 'no';
}

// One lower-case word, digits allowed: not a label (`Passwort`), a field reference (`user_password`) or a key.
const ONE_TYPED_WORD = /^[a-z][a-z0-9]{7,63}$/;
let vocabularyWords: Set<string> | undefined;

/**
 * `password = "secretpassword"`, `{ pass: 'letmein1' }` under a qualified `db_pass`: a typed password that the
 * generic test would take for an identifier. A word of the name vocabulary (`encrypted`, `plaintext`, `required`)
 * describes the field instead.
 */
function typedPassword(name: string, value: string): boolean {
  // A password's value is one a person chose: there a plain word is as much a password as random text.
  if (!ONE_TYPED_WORD.test(value) || !defaultNameClassifier().namesAPassword(name)) return false;
  if (!vocabularyWords) {
    const v = catalogDocument<NameVocabulary>('names');
    vocabularyWords = new Set([
      ...v.secretHeads,
      ...v.sanitizedWords,
      ...v.metadataWords,
      ...v.keepModifiers,
      ...v.booleanPrefixes,
    ]);
  }
  return !vocabularyWords.has(value);
}

/** A run of 16+ letters and digits with no word structure and high entropy: machine-made, not typed. */
function looksRandom(value: string): boolean {
  const run = longestRun(value);
  return run.length >= 16 && /[0-9]/.test(run) && /[A-Za-z]/.test(run) && !looksLikeIdentifier(run) && shannonEntropy(run) >= 3.5;
}

function longestRun(value: string): string {
  return (value.match(/[A-Za-z0-9+/=]+/g) ?? []).reduce((best, run) => (run.length > best.length ? run : best), '');
}

// Keyboard runs people type for a stand-in value: `abc123xyz`, `qwerty123`, `pass1234`.
const DUMMY_RUNS = /(?=(123|234|345|456|abc|bcd|xyz|qwe|asd|zxc|000|111|aaa))/gi;

/**
 * A value typed as a stand-in: keyboard runs (two or more), home-row mashing, or words that say it is for
 * tests or demos (`Test1234!`, `demo-password`). Provider tokens are not judged this way.
 */
function isKeyboardDummy(value: string): boolean {
  if (/test|demo/i.test(value)) return true;
  // Home-row mashing (`askfjh234as9sd8`): random letters are spread over the whole alphabet.
  const letters = value.replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length >= 3 && letters.replace(/[^asdfghjkl]/g, '').length / letters.length >= 0.8) return true;
  return value.length <= 20 && [...value.matchAll(DUMMY_RUNS)].length >= 2;
}

/**
 * A cheap test at a keyword position, before the generic pattern runs there: after the name (word characters,
 * `.`, `-`), closing quotes or brackets and blanks, an assignment or comparison operator must follow. Most
 * occurrences of `key` or `token` in code (`getToken(`, `apiKey.length`) fail here without a regex call.
 */
export function assignmentFollows(text: string, at: number): boolean {
  let i = at;
  const nameEnd = Math.min(text.length, at + 60);
  while (i < nameEnd && isNameCode(text.charCodeAt(i))) i++;
  for (let n = 0; n < 3 && i < text.length && /["'\]\\]/.test(text[i]!); n++) i++;
  for (let n = 0; n < 4 && i < text.length && (text[i] === ' ' || text[i] === '\t'); n++) i++;
  const c = text[i];
  return c === '=' || c === ':' || c === ',' || (c === '!' && text[i + 1] === '=');
}

function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}
