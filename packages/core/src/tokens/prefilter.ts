/** What one pass of the prefilter saw: which keywords occur, and where the tracked ones start. */
export interface KeywordHits {
  present: Uint8Array;
  /** The indices of the keywords present, in the order they were first seen. */
  found: number[];
  /** Start offsets of every occurrence of each tracked keyword (by keyword index). */
  positions: ReadonlyArray<number[] | undefined>;
}


/**
 * Finds which of many lower-case keywords occur in a text in one pass (Aho-Corasick compiled into a DFA over
 * ASCII, upper case folded), so a file without any token keyword costs one linear scan and no regex runs.
 * Keywords marked as tracked also report where they occur (the `near` words of prefix-less formats).
 */
export class KeywordSet {
  /** DFA transitions; states are stored pre-multiplied by the alphabet size. */
  private readonly table: Int32Array;
  /** Character class of each ASCII code (upper case folded); 0 for every character no keyword contains. */
  private readonly classes = new Uint8Array(128);
  private readonly alphabet: number;
  /** Keyword indices ending at each accepting state, indexed by the state's offset divided by the alphabet. */
  private readonly outputs: number[][];
  private readonly tracked: Uint8Array;

  constructor(
    readonly keywords: readonly string[],
    tracked: ReadonlySet<number> = new Set(),
  ) {
    this.tracked = new Uint8Array(keywords.length);
    for (const k of tracked) this.tracked[k] = 1;
    // A small alphabet keeps the transition table in cache: one class per character some keyword uses.
    let nextClass = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (code < 128 && this.classes[code] === 0) this.classes[code] = nextClass++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classes[c] = this.classes[c + 32]!;
    const ALPHABET = nextClass;
    this.alphabet = ALPHABET;
    const goto: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        const c = code < 128 ? this.classes[code]! : 0;
        let next = goto[state]!.get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[state]!.set(c, next);
        }
        state = next;
      }
      out[state]!.push(index);
    });
    const size = goto.length;
    const table = new Int32Array(size * ALPHABET);
    const fail = new Int32Array(size);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const next = goto[0]!.get(c);
      if (next !== undefined) {
        table[c] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      out[state]!.push(...out[fail[state]!]!);
      for (let c = 0; c < ALPHABET; c++) {
        const next = goto[state]!.get(c);
        if (next !== undefined) {
          fail[next] = table[fail[state]! * ALPHABET + c]!;
          table[state * ALPHABET + c] = next;
          queue.push(next);
        } else {
          table[state * ALPHABET + c] = table[fail[state]! * ALPHABET + c]!;
        }
      }
    }
    // A transition into a state where a keyword ends is stored as the bitwise complement of the state's index,
    // so the scan loop needs one table read per character and one sign test.
    for (let i = 0; i < table.length; i++) {
      const next = table[i]!;
      table[i] = out[next]!.length > 0 ? ~next : next * ALPHABET;
    }
    this.table = table;
    this.outputs = out.map((o) => [...new Set(o)]);
  }

  /** One pass over `text` (case-insensitively). */
  scan(text: string): KeywordHits {
    const present = new Uint8Array(this.keywords.length);
    const found: number[] = [];
    const positions: Array<number[] | undefined> = new Array(this.keywords.length);
    const { table, outputs, tracked, keywords, classes, alphabet } = this;
    const length = text.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      state = table[state + (code < 128 ? classes[code]! : 0)]!;
      if (state >= 0) continue;
      const index = ~state;
      state = index * alphabet;
      for (const k of outputs[index]!) {
        if (present[k] === 0) {
          present[k] = 1;
          found.push(k);
        }
        if (tracked[k] === 0) continue;
        (positions[k] ??= []).push(i + 1 - keywords[k]!.length);
      }
    }
    return { present, found, positions };
  }


  /** The indices of the keywords present in `text`. */
  present(text: string): Set<number> {
    const { present } = this.scan(text);
    const found = new Set<number>();
    present.forEach((p, k) => p && found.add(k));
    return found;
  }
}
