import type * as TS from 'typescript';
import { alternation, catalogDocument, defaultUrlClassifier, squash, type NameVocabulary, type UrlCatalog } from '@secret-hygiene/core';
import { judgeFor } from './engine.js';
import type { NameJudge } from './names.js';
import { hardcodedDetector } from './hardcoded.js';
import { flowTables, type FlowTables } from './tables.js';
import { writtenAsValue } from './value-positions.js';
import type { FlowOptions } from './types.js';

/** What the text must show for a file to hold a source or a plain-HTTP URL, built once per option set. */
interface Evidence {
  /**
   * Passes every identifier that may name a source, and few others: one that holds a head word of the name
   * vocabulary (`token`, `password`, `key`…) or a credential key, or is exactly a secret environment name, `env`,
   * a `Secret` type or `getSecretValue`. Only those are judged one by one.
   */
  nameScreen: RegExp;
  /** Names that start a source whatever their verdict: `env` (process.env, Deno.env), `Secret`, `getSecretValue`. */
  sourceNames: Set<string>;
  /**
   * An insecure scheme starting a word (`http://`, `'http:'`, `'http'`) or a secrets directory (`/run/secrets/`),
   * in one pass; `g`, for a walk over every scheme.
   */
  plainUrlOrSecretPath: RegExp;
  /** A quoted credential key (`headers.set('Authorization', key)`): evidence that an ambiguous `key` is a secret. */
  quotedCredentialKey: RegExp;
  /** Names a log or a response is written with (`console`, `logger`, `res`): where a typed object can leak. */
  sinkNames: Set<string>;
  /**
   * A request's credentials read as the engine reads them: `req.headers`, `ctx.request.cookies`, `event?.headers`,
   * `(req as Request).headers`, `req['headers']`. A file that only names `event`, `headers` and `logger` apart (an
   * SDK's stream reading `response.headers`) holds no such source.
   */
  requestCredentialAccess: RegExp;
  /** A keyed getter called with a quoted key (`getItem('accessToken')`); the key is group 2. `g`, for a walk. */
  keyedGetterCall: RegExp;
}

/**
 * Whether a getter is handed a quoted key that names a secret or a credential header (`getItem('accessToken')`,
 * `config.get('dbPassword')`), as calls.ts judges the key. A key kept in a constant counts by the constant's name.
 */
function getsASecretByKey(text: string, evidence: Evidence, judge: NameJudge): boolean {
  const keyed = evidence.keyedGetterCall;
  keyed.lastIndex = 0;
  for (let match = keyed.exec(text); match; match = keyed.exec(text)) {
    const key = match[2]!;
    if (judge.classify(key) === 'secret' || judge.isCredentialHeader(key)) return true;
  }
  return false;
}

/**
 * `req.headers`, `req.get('Authorization')`, `localStorage.getItem('accessToken')`: a request's or a store's
 * credentials, read by member or by a quoted key.
 */
function readsRequestCredentials(t: FlowTables, evidence: Evidence, judge: NameJudge, identifiers: ReadonlyMap<string, unknown>, text: string, asValue: (name: string) => boolean): boolean {
  // A few names of the catalog are looked up in the table: no walk over the file's names.
  const named = (names: ReadonlySet<string>, written = (_name: string) => true): boolean => {
    for (const name of names) if (identifiers.has(name) && written(name)) return true;
    return false;
  };
  if (named(t.keyedGetters) && (evidence.quotedCredentialKey.test(text) || getsASecretByKey(text, evidence, judge))) return true;
  // Whole headers leak where they are logged or sent: a file that names no log or response is left alone.
  return named(t.requestObjects) && named(evidence.sinkNames) && named(t.requestCredentialMembers, asValue) && evidence.requestCredentialAccess.test(text);
}

const evidenceByTables = new WeakMap<FlowTables, Evidence>();

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function rootSegment(dotted: string): string {
  const dot = dotted.indexOf('.');
  return dot === -1 ? dotted : dotted.slice(0, dot);
}

function evidenceFor(t: FlowTables): Evidence {
  let evidence = evidenceByTables.get(t);
  if (!evidence) {
    const vocabulary = catalogDocument<NameVocabulary>('names');
    const schemes = catalogDocument<{ urls: UrlCatalog }>('flows').urls.insecureSchemes;
    const heads = [...vocabulary.secretHeads, ...Object.keys(vocabulary.qualifiedHeads), ...t.credentialKeys, ...t.extraSecretWords];
    // `process.env` and `Deno.env.get` start at `env` or at their root object; a method name such as `get` is everywhere.
    const sourceNames = new Set([...[...t.envObjects].map(lastSegment), ...[...t.envGetters].map(rootSegment), ...t.secretTypes, ...t.secretValueMethods]);
    const exact = [...vocabulary.secretEnvNames, ...t.extraSecretEnv, ...sourceNames];
    evidence = {
      sourceNames,
      nameScreen: new RegExp(`^(?:${alternation(exact)})$|${alternation(heads)}`, 'i'),
      plainUrlOrSecretPath: new RegExp(`(?<![\\w+./-])(?:${alternation(schemes)})(?::\\/\\/|:|['"\`])|${alternation(t.secretFileDirectories)}`, 'gi'),
      quotedCredentialKey: new RegExp(`['"\`](?:${alternation(t.credentialKeys)})['"\`]`, 'i'),
      sinkNames: new Set([...[...t.logCallReceivers].map(rootSegment), ...t.loggerObjectWords, ...t.responseObjects]),
      // The type of `(req as T)` is bounded, so each start is tried over a few dozen characters at most.
      requestCredentialAccess: new RegExp(
        `(?<![\\w$])(?:${alternation(t.requestObjects)})(?:\\s+as\\s+[\\w$.<>,| \\[\\]]{1,80}?)?[\\s)!]*(?:\\?\\.|\\.|\\[\\s*['"\`])\\s*(?:${alternation(t.requestCredentialMembers)})(?![\\w$])`,
      ),
      keyedGetterCall: new RegExp(`(?<![\\w$])(?:${alternation(t.keyedGetters)})\\s*\\(\\s*(['"\`])([^'"\`\\n]{1,64})\\1`, 'g'),
    };
    evidenceByTables.set(t, evidence);
  }
  return evidence;
}

/**
 * Quoted token-shaped text, the only literals the engine treats as hardcoded credentials (hardcoded.ts), which
 * also turns away paths and URLs: they are left out here, where a large file holds hundreds of them.
 */
const TOKEN_SHAPED_LITERAL = /['"`](?!\/|http)([A-Za-z0-9_\-+/=.:]{16,512})['"`]/g;

function hasHardcodedToken(text: string): boolean {
  TOKEN_SHAPED_LITERAL.lastIndex = 0;
  for (let match = TOKEN_SHAPED_LITERAL.exec(text); match; match = TOKEN_SHAPED_LITERAL.exec(text)) {
    if (hardcodedDetector(match[1]!)) return true;
  }
  return false;
}

/**
 * Whether an untyped analysis of the file can report anything; false lets a linter skip the walk. Every source
 * the engine knows starts at a name the parser interned (a variable, parameter, property or member named like a
 * secret, `env`, a `Secret` type, `getSecretValue`), a path under a secrets directory, or a token-shaped literal;
 * a bare `key` becomes one only next to a credential key, a bare `token` on its own. A plain-HTTP request needs
 * an insecure scheme in the text. Files parsed without the identifier table are always analysed. Given `ts`, names
 * written only in types, interfaces, type aliases and import/export clauses do not count.
 */
export function mayReport(sourceFile: TS.SourceFile, options: FlowOptions = {}, ts?: typeof TS): boolean {
  const tables = flowTables(options);
  const identifiers = (sourceFile as unknown as { identifiers?: ReadonlyMap<string, string> }).identifiers;
  if (!(identifiers instanceof Map)) return true;
  const text = sourceFile.text;
  const evidence = evidenceFor(tables);
  const judge = judgeFor(tables);
  // With the TypeScript instance at hand, a name written only in types (an SDK's `interface Options { apiKey?:
  // string }`) is no evidence: untyped analysis never reads a value there.
  const asValue = (name: string) => !ts || writtenAsValue(ts, sourceFile, name);
  let ambiguous = false;
  let typed = false;
  for (const name of identifiers.keys()) {
    if (!evidence.nameScreen.test(name)) continue;
    const verdict = judge.classify(name);
    if (verdict === 'secret' || judge.isCredentialHeader(name) || evidence.sourceNames.has(name)) {
      if (asValue(name)) return true;
      // A member declared in a type (`apiKey?: string`) makes an object of that type hold a secret.
      typed ||= verdict === 'secret';
      continue;
    }
    if (verdict === 'ambiguous' && asValue(name)) {
      // A bare `token` is reported unless the file shows otherwise, and a string-typed one is a source.
      if (tables.ambiguous.reportedNames.has(squash(name)) || judge.isStringTypedCredential(name)) return true;
      ambiguous = true;
    }
  }
  if (ambiguous && evidence.quotedCredentialKey.test(text)) return true;
  if (readsRequestCredentials(tables, evidence, judge, identifiers, text, asValue)) return true;
  // Such an object leaks only where it is logged or sent: files that name no log or response are left alone.
  if (typed) for (const name of identifiers.keys()) if (evidence.sinkNames.has(name)) return true;
  if (mayReadASecretPathOrPlainUrl(evidence, text)) return true;
  return hasHardcodedToken(text);
}

/** What follows `scheme://` up to where a URL written in code or prose ends. */
const URL_REST = /[^\s'"`()<>\\]{0,200}/y;
/** A piece of a string that starts a URL's authority (`'://'`, `'//'`, `}://` of a template): a scheme joined later. */
const AUTHORITY_PIECE = /(?:['"`]|\})(?::)?\/\//;

/**
 * Whether the text names a secrets directory, or can make a plain-HTTP URL the engine would report: one written
 * whole whose host is not local and not a schema's name (`http://localhost:8080`, `http://json-schema.org/…` are
 * left alone; `http://${host}` is not), or a scheme alone (`'http'`, `'http:'`) in a file that also writes the
 * `//` it would be joined with.
 */
function mayReadASecretPathOrPlainUrl(evidence: Evidence, text: string): boolean {
  const found = evidence.plainUrlOrSecretPath;
  found.lastIndex = 0;
  let joinable: boolean | undefined;
  for (let match = found.exec(text); match; match = found.exec(text)) {
    const written = match[0];
    // Secrets directories start with a slash, schemes with a letter.
    if (written.startsWith('/')) return true;
    if (written.endsWith('://')) {
      URL_REST.lastIndex = found.lastIndex;
      const verdict = defaultUrlClassifier().classify(written + URL_REST.exec(text)![0], true).verdict;
      if (verdict !== 'local' && verdict !== 'never-fetched' && verdict !== 'secure') return true;
      continue;
    }
    joinable ??= AUTHORITY_PIECE.test(text);
    if (joinable) return true;
  }
  return false;
}


