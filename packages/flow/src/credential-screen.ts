// Whether a file may hand a literal to a credential API, answered from TypeScript's table of the file's names before
// any walk: most files of a code base write no credential API at all.
import type * as TS from 'typescript';
import { catalogDocument, type NameVocabulary } from '@secret-hygiene/core';
import type { CredentialApiCatalog } from './catalog.js';
import { writtenAsValue } from './value-positions.js';

/**
 * What one credential API of the catalog needs written in a file: every group must be met by one of its names. A
 * name is an identifier (`sign`), a module (`cookie-parser`), or the mark below.
 */
type Requirement = string[][];

/** A receiver named like a JWT library (`jwt_simple`), or such a module imported or required. */
const JWT_NAMED = '*jwt';
/** A `user:password` pair written in a string (`'admin:s3cret'`), as a basic-auth encoder is given one. */
const WRITTEN_PAIR = '*pair';
const PAIR = /['"`][^\s'"`:/]{1,64}:(?!\/\/)[^\s'"`]{1,128}['"`]/;
/** `*call:auth`: the method called by name (`.auth(`), not only named (an `auth` option or variable). */
const CALLED = '*call:';

export interface CredentialScreen {
  (ts: typeof TS, sourceFile: TS.SourceFile): boolean;
}

/** Whether `method` is called by name somewhere in the text: `x.auth(`, `auth (`. */
function calledIn(text: string, method: string): boolean {
  for (let at = text.indexOf(method); at !== -1; at = text.indexOf(method, at + method.length)) {
    const before = text.charCodeAt(at - 1);
    if (at > 0 && (isNameCode(before) || before === 35 /* # */)) continue;
    let after = at + method.length;
    if (isNameCode(text.charCodeAt(after))) continue;
    while (text[after] === ' ' || text[after] === '\t') after++;
    if (text[after] === '(') return true;
  }
  return false;
}

function isNameCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** `sign` of `jwt.sign`. */
export function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The requirements of every API of the catalog, and the screen that tests a file against them. */
export function credentialScreen(c: CredentialApiCatalog, envObjects: readonly string[]): CredentialScreen {
  const requirements: Requirement[] = [];
  for (const key of Object.keys(c.keyArguments)) {
    const [first, ...rest] = key.split('.');
    requirements.push(rest.length > 0 ? [[lastName(key)], [first!]] : [[key]]);
  }
  for (const method of c.jwtMethods) requirements.push([[method], [JWT_NAMED]]);
  for (const method of c.cipherMethods) requirements.push([[method], c.cipherReceivers]);
  for (const name of c.macFunctions) requirements.push([[name]]);
  for (const method of Object.keys(c.methodKeyArguments)) requirements.push([[method], [CALLED + method]]);
  for (const [callee, keys] of Object.entries(c.optionCallees)) requirements.push([[lastName(callee)], keys]);
  for (const key of c.credentialKeys) requirements.push([[key]]);
  requirements.push([c.authSecretKeys, ['auth']]);
  requirements.push([['pass'], c.userKeys]);
  for (const callee of c.userMapCallees) requirements.push([[callee], ['users']]);
  for (const encoder of c.basicAuthEncoders) requirements.push([...encoder.split('.').map((name) => [name]), [WRITTEN_PAIR]]);

  const named = new Set([...requirements.flat(2).filter((n) => !n.startsWith('*')), 'require']);
  // Header names as TypeScript interns them from keys (`{ Authorization: … }`, `{ 'proxy-authorization': … }`).
  const headerNames = c.authorizationHeaders.flatMap((h) => [h, h.replace(/(^|-)[a-z]/g, (m) => m.toUpperCase()), h.toUpperCase()]);
  // Names a module can be required by: the first names of dotted callees (`jsonwebtoken` of `jsonwebtoken.sign`)
  // and those that are no identifier (`cookie-parser`).
  const firsts = [...Object.keys(c.keyArguments), ...Object.keys(c.optionCallees)].filter((k) => k.includes('.')).map((k) => k.split('.')[0]!);
  const modules = [...new Set([...firsts, ...[...named].filter((n) => !IDENTIFIER.test(n))])];
  for (const header of headerNames) named.add(header);
  // A header's value worth reading starts with a scheme and a credential written out (not `Bearer ${token}`).
  const writtenScheme = new RegExp(`['"\`](?:${c.authorizationSchemes.join('|')})\\s+[^\\s'"\`$]`, 'i');
  const jwtMethods = c.jwtMethods;
  // Each requirement under the names of its first group: a file is checked only against those its names start.
  const byFirstName = new Map<string, Requirement[]>();
  for (const requirement of requirements) {
    for (const name of requirement[0]!) {
      const list = byFirstName.get(name);
      if (list) list.push(requirement);
      else byFirstName.set(name, [requirement]);
    }
  }

  const moduleNames = new Set(modules);
  // A password-named option of any call (`dbPassword: '…'`) is named by a head word, not a name to look up.
  const passwordWords = catalogDocument<NameVocabulary>('names').passwordHeads.filter((h) => h !== 'pass');
  const passwordText = new RegExp(passwordWords.join('|'), 'i');
  const passwordName = new RegExp(`(?:${passwordWords.join('|')})$`, 'i');
  // `process.env.JWT_SECRET || '…'`: an environment variable with a written fallback.
  const envFallback = new RegExp(`(?:${envObjects.map((o) => o.replace(/\./g, '\\.')).join('|')})(?:\\.\\w+|\\[['"\`][\\w-]+['"\`]\\])\\s*(?:\\|\\||\\?\\?)\\s*['"\`]`);

  return (ts, sourceFile) => {
    const identifiers = (sourceFile as unknown as { identifiers?: ReadonlyMap<string, unknown> }).identifiers;
    const text = sourceFile.text;
    const present = new Set<string>();
    const table = identifiers instanceof Map;
    if (table) {
      // Every name of the file passes here: one set lookup each.
      for (const name of identifiers.keys()) if (named.has(name)) present.add(name);
    } else {
      // Without the table (a tree built by other means), every name counts as written.
      for (const name of named) present.add(name);
    }
    const header = !table || headerNames.some((h) => present.has(h));
    // A module name is interned from an import; one handed to `require` is only in the text.
    const required = present.has('require') || !table;
    for (const module of modules) if (!present.has(module) && required && text.includes(module)) present.add(module);
    // A receiver named like a JWT library matters only where a JWT method is called: looked for in those files only.
    let jwtNamed = !table;
    if (!jwtNamed && jwtMethods.some((m) => present.has(m))) {
      for (const name of identifiers!.keys()) {
        if (name.includes('jwt') || name.includes('Jwt') || name.includes('JWT')) {
          jwtNamed = true;
          break;
        }
      }
      jwtNamed ||= required && text.includes('jwt');
    }
    // A name written only in types (`interface Options { auth?: string }`) calls nothing; a module is named in an
    // import or a `require`.
    // Text checks run once per file, however many requirements ask.
    let pairWritten: boolean | undefined;
    let called: Map<string, boolean> | undefined;
    const met = (name: string): boolean => {
      if (name === JWT_NAMED) return jwtNamed;
      if (name === WRITTEN_PAIR) return (pairWritten ??= PAIR.test(text));
      if (name.startsWith(CALLED)) {
        const method = name.slice(CALLED.length);
        called ??= new Map();
        let answer = called.get(method);
        if (answer === undefined) called.set(method, (answer = calledIn(text, method)));
        return answer;
      }
      return present.has(name) && (moduleNames.has(name) || !table || writtenAsValue(ts, sourceFile, name));
    };
    for (const name of present) {
      for (const requirement of byFirstName.get(name) ?? []) if (requirement.every((group) => group.some(met))) return true;
    }
    if ((!table || identifiers!.has('env')) && envFallback.test(text)) return true;
    if (passwordText.test(text) && (!table || [...identifiers!.keys()].some((name) => passwordName.test(name) && writtenAsValue(ts, sourceFile, name)))) return true;
    // An authorization header's name is a key, a property or a string (`headers.set('Authorization', …)`).
    return (header || text.includes('uthorization')) && writtenScheme.test(text);
  };
}
