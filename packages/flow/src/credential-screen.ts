// Whether a file may hand a literal to a credential API, answered from TypeScript's table of the file's names before
// any walk: most files of a code base write no credential API at all.
import type * as TS from 'typescript';
import type { CredentialApiCatalog } from './catalog.js';

/**
 * What one credential API of the catalog needs written in a file: every group must be met by one of its names. A
 * name is an identifier (`sign`), a module (`cookie-parser`), or one of the two marks below.
 */
type Requirement = string[][];

/** A receiver named like a JWT library (`jwt_simple`), or such a module imported or required. */
const JWT_NAMED = '*jwt';
/** An authorization header's name, written as a key, a property or a string. */
const AUTHORIZATION = '*authorization';

export interface CredentialScreen {
  (sourceFile: TS.SourceFile): boolean;
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The requirements of every API of the catalog, and the screen that tests a file against them. */
export function credentialScreen(c: CredentialApiCatalog): CredentialScreen {
  const requirements: Requirement[] = [];
  for (const key of Object.keys(c.keyArguments)) {
    const [first, ...rest] = key.split('.');
    requirements.push(rest.length > 0 ? [[lastName(key)], [first!]] : [[key]]);
  }
  for (const method of c.jwtMethods) requirements.push([[method], [JWT_NAMED]]);
  for (const method of c.cipherMethods) requirements.push([[method], c.cipherReceivers]);
  for (const name of c.macFunctions) requirements.push([[name]]);
  for (const method of Object.keys(c.methodKeyArguments)) requirements.push([[method]]);
  for (const [callee, keys] of Object.entries(c.optionCallees)) requirements.push([[lastName(callee)], keys]);
  for (const key of c.credentialKeys) requirements.push([[key]]);
  requirements.push([c.authSecretKeys, ['auth']]);
  for (const callee of c.userMapCallees) requirements.push([[callee], ['users']]);
  for (const encoder of c.basicAuthEncoders) requirements.push(encoder.split('.').map((name) => [name]));
  requirements.push([[AUTHORIZATION]]);

  const named = new Set([...requirements.flat(2).filter((n) => !n.startsWith('*')), 'require']);
  // Header names as TypeScript interns them from keys (`{ Authorization: … }`, `{ 'proxy-authorization': … }`).
  const headerNames = new Set(c.authorizationHeaders.flatMap((h) => [h, h.replace(/(^|-)[a-z]/g, (m) => m.toUpperCase()), h.toUpperCase()]));
  const modules = [...named].filter((n) => !IDENTIFIER.test(n));
  // A header's value worth reading starts with a scheme and a credential written out (not `Bearer ${token}`).
  const writtenScheme = new RegExp(`['"\`](?:${c.authorizationSchemes.join('|')})\\s+[^\\s'"\`$]`, 'i');

  return (sourceFile) => {
    const identifiers = (sourceFile as unknown as { identifiers?: ReadonlyMap<string, unknown> }).identifiers;
    const text = sourceFile.text;
    const present = new Set<string>();
    let jwtNamed = false;
    let header = false;
    if (identifiers instanceof Map) {
      // Every name of the file passes here: set lookups and `includes`, no regex.
      for (const name of identifiers.keys()) {
        if (named.has(name)) present.add(name);
        else if (headerNames.has(name)) header = true;
        else if (!jwtNamed && (name.includes('jwt') || name.includes('Jwt') || name.includes('JWT'))) jwtNamed = true;
      }
    } else {
      // Without the table (a tree built by other means), every name counts as written.
      for (const name of named) present.add(name);
      jwtNamed = header = true;
    }
    // A module name is interned from an import; one handed to `require` is only in the text.
    const required = present.has('require') || !(identifiers instanceof Map);
    const mentions = (module: string) => present.has(module) || (required && text.includes(module));
    for (const module of modules) if (!present.has(module) && required && text.includes(module)) present.add(module);
    if (!jwtNamed) jwtNamed = mentions('jwt') || mentions('jsonwebtoken');
    const met = (name: string): boolean => {
      if (name === JWT_NAMED) return jwtNamed;
      if (name === AUTHORIZATION) return (header || text.includes('uthorization')) && writtenScheme.test(text);
      return present.has(name);
    };
    return requirements.some((requirement) => requirement.every((group) => group.some(met)));
  };
}
