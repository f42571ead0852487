import type { Analysis } from './context.js';
import { squash } from './catalog.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Value } from './values.js';

/** A cheap first look: every secret name and marker contains one of these (see rules/names.yaml). */
const MAYBE_SECRET = /pass|pwd|secret|cred|key|token|auth|dsn|cookie|pat|bearer|environ|getenv|session|client|urlopen/i;

/** Words (lower-case) that make a function worth analysing although they name no secret. */
const MARKERS = new Set(['environ', 'getenv', 'session', 'client', 'urlopen', 'authorization', 'bearer', 'secrets']);

/**
 * Which functions are worth analysing on their own. A function can report only if a secret can appear in it: a
 * secret-looking name, the environment, a secrets path, a plain-HTTP URL, a client it may use, or the name of a
 * module variable, a field or another function that carries one. The others are analysed only when a call hands
 * them a secret, so the bulk of a model's code (tensor shapes, image I/O) is never followed.
 */
export class Interest {
  private readonly names = new Set<string>();
  private readonly words = new Map<number, Set<string>>();
  private readonly hinted = new Map<number, boolean>();

  constructor(private readonly a: Analysis) {
    for (const [name, value] of a.module.vars) if (carries(value)) this.names.add(name);
    for (const type of a.tables.secretTypes) this.names.add(type); // a project's own Secret types (config) too
  }

  /** Adds a name whose mention makes a function worth analysing (an interesting function, a field that carries). */
  add(name: string): void {
    this.names.add(name);
  }

  test(fn: SyntaxNode): boolean {
    let words = this.words.get(fn.id);
    if (!words) {
      const text = fn.text;
      const all = text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
      this.hinted.set(fn.id, text.includes('://') || /secret/i.test(text) || all.some((w) => this.isHint(w)));
      // Names are looked for after the function's own: `def load` is no call of another class's `load`.
      const name = fn.childForFieldName('name');
      words = new Set(name ? text.slice(name.endIndex - fn.startIndex).match(/[A-Za-z_][A-Za-z0-9_]*/g) : all);
      this.words.set(fn.id, words);
    }
    if (this.hinted.get(fn.id)) return true;
    for (const name of this.names) if (words.has(name)) return true;
    return false;
  }

  private isHint(word: string): boolean {
    // Declared and well-known secret environment names (`DATABASE_URL`) need not contain a secret word.
    if (!MAYBE_SECRET.test(word) && !/^[A-Z][A-Z0-9_]+$/.test(word)) return false;
    return MARKERS.has(word.toLowerCase()) || this.a.names.classify(word) === 'secret' || this.a.tables.ambiguous.reportedNames.has(squash(word));
  }
}

/**
 * A value worth following: a secret, a special object (client, environment), a URL, an instance. A logger is
 * not: a function can only log a secret it reads, is handed (calls are followed) or names, and each of those
 * makes it worth analysing already.
 */
export function carries(value: Value): boolean {
  return Boolean(
    value.taint || value.secretObject || value.held || value.secretFile || value.instance ||
      (value.ref !== undefined && value.ref !== 'module' && value.ref !== 'logger') || (value.str !== undefined && value.str.includes('://')),
  );
}
