/**
 * Finds which of many lower-case keywords occur in a text in one pass (Aho-Corasick compiled into a DFA over
 * ASCII, upper case folded), so a file without any token keyword costs one linear scan and no regex runs.
 */
export class KeywordSet {
  private static readonly ALPHABET = 129; // ASCII 0..127, then one class for every other code unit
  private readonly table: Int32Array;
  /** For each DFA state, the keyword indices that end there (including through suffix links). */
  private readonly outputs: Array<number[] | undefined>;

  constructor(readonly keywords: readonly string[]) {
    const goto: Array<Map<number, number>> = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = KeywordSet.symbol(keyword.charCodeAt(i));
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
    const A = KeywordSet.ALPHABET;
    const table = new Int32Array(size * A);
    const fail = new Int32Array(size);
    const queue: number[] = [];
    for (let c = 0; c < A; c++) {
      const next = goto[0]!.get(c);
      if (next !== undefined) {
        table[c] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      out[state]!.push(...out[fail[state]!]!);
      for (let c = 0; c < A; c++) {
        const next = goto[state]!.get(c);
        if (next !== undefined) {
          fail[next] = table[fail[state]! * A + c]!;
          table[state * A + c] = next;
          queue.push(next);
        } else {
          table[state * A + c] = table[fail[state]! * A + c]!;
        }
      }
    }
    this.table = table;
    this.outputs = out.map((o) => (o.length ? [...new Set(o)] : undefined));
  }

  private static symbol(code: number): number {
    if (code >= 65 && code <= 90) return code + 32;
    return code < 128 ? code : 128;
  }

  /** The indices of the keywords present in `text` (case-insensitively). */
  present(text: string): Set<number> {
    const found = new Set<number>();
    const { table, outputs } = this;
    const A = KeywordSet.ALPHABET;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      else if (c >= 128) c = 128;
      state = table[state * A + c]!;
      const hit = outputs[state];
      if (hit !== undefined) for (const k of hit) found.add(k);
    }
    return found;
  }
}
