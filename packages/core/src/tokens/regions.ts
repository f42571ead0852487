/** How far past a `near` window a token may extend (no catalog format is longer, bar key blocks). */
const TOKEN_MARGIN = 1200;
// Characters a token can be made of: a region never starts or ends inside a run of them.
const TOKEN_CHAR = /[A-Za-z0-9+/=_.~-]/;

/**
 * The stretches of `text` where a match could have a near word (given by its occurrences) within `window` characters: a prefix-less
 * pattern runs only there instead of over the whole file. Regions are widened to token boundaries so a
 * lookbehind at a region's start sees the same thing it would in the whole text.
 */
export function nearRegions(text: string, occurrences: ReadonlyArray<{ at: readonly number[]; length: number }>, window: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { at: starts, length } of occurrences) {
    for (const at of starts) {
      spans.push([Math.max(0, at - window - TOKEN_MARGIN), Math.min(text.length, at + length + window + TOKEN_MARGIN)]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged.map(([start, end]) => [widenStart(text, start), widenEnd(text, end)]);
}

function widenStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && start - s < TOKEN_MARGIN && TOKEN_CHAR.test(text[s - 1]!)) s--;
  return s;
}

function widenEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < TOKEN_MARGIN && TOKEN_CHAR.test(text[e]!)) e++;
  return e;
}
