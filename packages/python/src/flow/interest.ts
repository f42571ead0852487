import type { Analysis } from './context.js';
import { requestCredentialsPattern, sourceCallWords, squash } from './catalog.js';
import { CREDENTIAL_CALL_WORDS } from './credential-arguments.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Value } from './values.js';

/** A cheap first look: every secret name and marker contains one of these (see rules/names.yaml). */
const MAYBE_SECRET = /pass|pwd|secret|cred|key|token|auth|dsn|cookie|pat|bearer|environ|getenv|session|client|urlopen/i;

/** Words (lower-case) that make a function worth analysing although they name no secret. */
const MARKERS = new Set(['environ', 'getenv', 'session', 'client', 'urlopen', 'authorization', 'bearer', 'secrets']);

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
const INSTANCE_NAMESPACE = /\.__dict__\b|\bvars\(\s*self\s*\)/;

let sourceCalls: Set<string> | undefined;
function callWords(): Set<string> {
  sourceCalls ??= new Set(sourceCallWords());
  return sourceCalls;
}

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
  /** Functions not yet worth analysing, under each word they mention (see `choose`). */
  private waiting = new Map<string, SyntaxNode[]>();
  private ready: SyntaxNode[] = [];

  constructor(private readonly a: Analysis) {
    for (const [name, value] of a.module.vars) if (carries(value)) this.names.add(name);
    for (const type of a.tables.secretTypes) this.names.add(type); // a project's own Secret types (config) too
  }

  /** Adds a name whose mention makes a function worth analysing (an interesting function, a field that carries). */
  add(name: string): void {
    this.names.add(name);
    const mentioning = this.waiting.get(name);
    if (mentioning) {
      this.waiting.delete(name);
      this.ready.push(...mentioning);
    }
  }

  test(fn: SyntaxNode): boolean {
    return this.hintedAt(fn) || this.mentionsName(fn);
  }

  /**
   * The candidates worth analysing (`already` aside), grown until no chosen function names another: choosing
   * one adds its name (and its class's), which makes the functions that mention it worth analysing in turn.
   * Each function's words are indexed once, so the growth costs what the words do, not rounds times names.
   */
  choose(candidates: ReadonlyArray<readonly [string, SyntaxNode]>, already: ReadonlySet<SyntaxNode>): Set<SyntaxNode> {
    const nameOf = new Map<SyntaxNode, string[]>();
    this.waiting = new Map();
    this.ready = [];
    for (const [name, fn] of candidates) {
      if (already.has(fn)) continue;
      const names = nameOf.get(fn);
      if (names) {
        names.push(name);
        continue;
      }
      nameOf.set(fn, [name]);
      if (this.test(fn)) this.ready.push(fn);
      else {
        for (const word of this.wordsOf(fn)) {
          const list = this.waiting.get(word);
          if (list) list.push(fn);
          else this.waiting.set(word, [fn]);
        }
      }
    }
    const chosen = new Set<SyntaxNode>();
    while (this.ready.length > 0) {
      const fn = this.ready.pop()!;
      if (chosen.has(fn)) continue;
      chosen.add(fn);
      for (const name of nameOf.get(fn) ?? []) this.add(name);
      const owner = this.a.methodOwner.get(fn.id);
      if (owner) this.add(owner.name);
    }
    this.waiting = new Map();
    return chosen;
  }

  private mentionsName(fn: SyntaxNode): boolean {
    const words = this.wordsOf(fn);
    for (const name of this.names) if (words.has(name)) return true;
    return false;
  }

  /** Whether the function's words name a keyed credential API (`jwt` and `encode`, `HTTPBasicAuth`). */
  callsCredentialApi(fn: SyntaxNode): boolean {
    const words = this.wordsOf(fn);
    return CREDENTIAL_CALL_WORDS.some((needed) => needed.every((w) => words.has(w)));
  }

  private hintedAt(fn: SyntaxNode): boolean {
    let hinted = this.hinted.get(fn.id);
    if (hinted === undefined) {
      const text = fn.text;
      const name = fn.childForFieldName('name')?.text;
      // `vars(self)`, `self.__dict__`: every field of the instance, which its other methods may have filled with secrets.
      hinted = text.includes('://') || /secret/i.test(text) || requestCredentialsPattern().test(text) || (name !== undefined && this.isHint(name)) || INSTANCE_NAMESPACE.test(text);
      if (!hinted) for (const word of this.wordsOf(fn)) if (this.isHint(word)) hinted = true;
      if (!hinted) hinted = this.callsCredentialApi(fn);
      this.hinted.set(fn.id, hinted);
    }
    return hinted;
  }

  /** The words after the function's own name: `def load` is no call of another class's `load`. */
  private wordsOf(fn: SyntaxNode): Set<string> {
    let words = this.words.get(fn.id);
    if (!words) {
      const name = fn.childForFieldName('name');
      const text = fn.text;
      words = new Set(name ? text.slice(name.endIndex - fn.startIndex).match(WORD) : text.match(WORD));
      this.words.set(fn.id, words);
    }
    return words;
  }

  private isHint(word: string): boolean {
    if (callWords().has(word)) return true; // `getpass`, `dotenv_values`: calls that return a secret
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
