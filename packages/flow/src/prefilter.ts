import type * as TS from 'typescript';
import { catalogDocument, squash, type UrlCatalog } from '@secret-hygiene/core';
import { judgeFor } from './engine.js';
import { hardcodedDetector } from './hardcoded.js';
import { flowTables, type FlowTables } from './tables.js';
import type { FlowOptions } from './types.js';

/** What the text must show for a file to hold a source or a plain-HTTP URL, built once per option set. */
interface Evidence {
  /** Identifiers that start a source whatever their verdict: `env` (process.env, Deno.env), `Secret`, `getSecretValue`. */
  sourceNames: Set<string>;
  /** A quoted credential key (`headers.set('Authorization', key)`): evidence that an ambiguous `key` is a secret. */
  quotedCredentialKey: RegExp;
  /** An insecure scheme (`http:`, or `'http'` about to be joined with `://`). */
  insecureScheme: RegExp;
  secretDirectories: readonly string[];
}

const evidenceByTables = new WeakMap<FlowTables, Evidence>();

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function rootSegment(dotted: string): string {
  const dot = dotted.indexOf('.');
  return dot === -1 ? dotted : dotted.slice(0, dot);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function evidenceFor(t: FlowTables): Evidence {
  let evidence = evidenceByTables.get(t);
  if (!evidence) {
    const schemes = catalogDocument<{ urls: UrlCatalog }>('flows').urls.insecureSchemes;
    evidence = {
      // `process.env` and `Deno.env.get` start at `env` or at their root object; a method name such as `get` is everywhere.
      sourceNames: new Set([...[...t.envObjects].map(lastSegment), ...[...t.envGetters].map(rootSegment), ...t.secretTypes, ...t.secretValueMethods]),
      quotedCredentialKey: new RegExp(`['"\`](?:${[...t.credentialKeys].map(escape).join('|')})['"\`]`, 'i'),
      // A scheme starts a word: `'ws'` and `http:` count, `./ws` and `throws:` do not.
      insecureScheme: new RegExp(`(?<![\\w+./-])(?:${schemes.map(escape).join('|')})(?::|['"\`])`, 'i'),
      secretDirectories: t.secretFileDirectories,
    };
    evidenceByTables.set(t, evidence);
  }
  return evidence;
}

/** Quoted token-shaped text, the only literals the engine treats as hardcoded credentials (hardcoded.ts). */
const TOKEN_SHAPED_LITERAL = /['"`]([A-Za-z0-9_\-+/=.:]{16,512})['"`]/g;

function hasHardcodedToken(text: string): boolean {
  for (const match of text.matchAll(TOKEN_SHAPED_LITERAL)) if (hardcodedDetector(match[1]!)) return true;
  return false;
}

/**
 * Whether an untyped analysis of the file can report anything; false lets a linter skip the walk. Every source
 * the engine knows starts at a name the parser interned (a variable, parameter, property or member named like a
 * secret, `env`, a `Secret` type, `getSecretValue`), a path under a secrets directory, or a token-shaped literal;
 * a bare `key` becomes one only next to a credential key, a bare `token` on its own. A plain-HTTP request needs
 * an insecure scheme in the text. Files parsed without the identifier table are always analysed.
 */
export function mayReport(sourceFile: TS.SourceFile, options: FlowOptions = {}): boolean {
  const tables = flowTables(options);
  const identifiers = (sourceFile as unknown as { identifiers?: ReadonlyMap<string, string> }).identifiers;
  if (!(identifiers instanceof Map)) return true;
  const text = sourceFile.text;
  const evidence = evidenceFor(tables);
  const judge = judgeFor(tables);
  let ambiguous = false;
  for (const name of identifiers.keys()) {
    if (evidence.sourceNames.has(name)) return true;
    const verdict = judge.classify(name);
    if (verdict === 'secret' || judge.isCredentialHeader(name)) return true;
    if (verdict === 'ambiguous') {
      // A bare `token` is reported unless the file shows otherwise, and a string-typed one is a source.
      if (tables.ambiguous.reportedNames.has(squash(name)) || judge.isStringTypedCredential(name)) return true;
      ambiguous = true;
    }
  }
  if (ambiguous && evidence.quotedCredentialKey.test(text)) return true;
  if (evidence.insecureScheme.test(text)) return true;
  if (evidence.secretDirectories.some((d) => text.includes(d))) return true;
  return hasHardcodedToken(text);
}
