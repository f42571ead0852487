/** What one pass of the prefilter saw: which keywords occur, and where the tracked ones start. */
export interface KeywordHits {
  present: Uint8Array;
  /** Start offsets of every occurrence of each tracked keyword (by keyword index). */
  positions: Map<number, number[]>;
}

const ALPHABET = 129; // ASCII 0..127, then one class for every other code unit

/**
 * Finds which of many lower-case keywords occur in a text in one pass (Aho-Corasick compiled into a DFA over
 * ASCII, upper case folded), so a file without any token keyword costs one linear scan and no regex runs.
 * Keywords marked as tracked also report where they occur (the `near` words of prefix-less formats).
 */
export class KeywordSet {
  /** DFA transitions; states are stored pre-multiplied by the alphabet size. */
  private readonly table: Int32Array;
  /** Keyword indices ending at each accepting state, indexed by the state's offset divided by the alphabet. */
  private readonly outputs: number[][];
  private readonly tracked: Uint8Array;
  private readonly fold = new Uint8Array(128);

  constructor(
    readonly keywords: readonly string[],
    tracked: ReadonlySet<number> = new Set(),
  ) {
    this.tracked = new Uint8Array(keywords.length);
    for (const k of tracked) this.tracked[k] = 1;
    for (let c = 0; c < 128; c++) this.fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
    const goto: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        const c = code < 128 ? this.fold[code]! : 128;
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
    // Upper-case columns behave like lower-case ones; a transition into a state where a keyword ends is stored
    // negated, so the scan loop needs one table read per character and one sign test.
    for (let state = 0; state < size; state++) {
      const row = state * ALPHABET;
      for (let c = 65; c <= 90; c++) table[row + c] = table[row + c + 32]!;
    }
    for (let i = 0; i < table.length; i++) {
      const next = table[i]!;
      table[i] = out[next]!.length > 0 ? -next * ALPHABET : next * ALPHABET;
    }
    this.table = table;
    this.outputs = out.map((o) => [...new Set(o)]);
  }

  /** One pass over `text` (case-insensitively). */
  scan(text: string): KeywordHits {
    const present = new Uint8Array(this.keywords.length);
    const positions = new Map<number, number[]>();
    const { table, outputs, tracked, keywords } = this;
    const length = text.length;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      state = table[state + (code < 128 ? code : 128)]!;
      if (state >= 0) continue;
      state = -state;
      for (const k of outputs[state / ALPHABET]!) {
        present[k] = 1;
        if (tracked[k] === 0) continue;
        let list = positions.get(k);
        if (!list) positions.set(k, (list = []));
        list.push(i + 1 - keywords[k]!.length);
      }
    }
    return { present, positions };
  }

  /** The indices of the keywords present in `text`. */
  present(text: string): Set<number> {
    const { present } = this.scan(text);
    const found = new Set<number>();
    present.forEach((p, k) => p && found.add(k));
    return found;
  }
}
