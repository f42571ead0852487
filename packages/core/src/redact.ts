export const REDACTION_MASK = '…[redacted]';

/**
 * The only way a secret's text reaches an output of ours: at most four leading characters,
 * fewer for short values, then a mask. Every formatter and message goes through here.
 */
export function redact(secret: string): string {
  const reveal = secret.length >= 16 ? 4 : secret.length >= 10 ? 2 : 0;
  return secret.slice(0, reveal) + REDACTION_MASK;
}

/** `text` with `[start, end)` replaced by the redacted form of what it held. */
export function redactSpan(text: string, start: number, end: number): string {
  return text.slice(0, start) + redact(text.slice(start, end)) + text.slice(end);
}

/** `text` with every listed span redacted; spans may come in any order and may overlap. */
export function redactSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  const merged = [...spans].sort((a, b) => a[0] - b[0]).reduce<Array<[number, number]>>((acc, [s, e]) => {
    const last = acc[acc.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else acc.push([s, e]);
    return acc;
  }, []);
  let out = text;
  for (const [s, e] of merged.reverse()) out = redactSpan(out, Math.max(0, s), Math.min(text.length, e));
  return out;
}
