import { describe, expect, it } from 'vitest';
import { REDACTION_MASK, redact, redactSpan, redactSpans } from '@secret-hygiene/core';

describe('redact', () => {
  it('keeps at most four leading characters of a long secret', () => {
    const secret = 'hf_abcdefghijklmnopqrstuvwxyzABCDEF';
    expect(redact(secret)).toBe(`hf_a${REDACTION_MASK}`);
  });

  it('reveals less of shorter values and nothing of short ones', () => {
    expect(redact('hunter2hunter')).toBe(`hu${REDACTION_MASK}`);
    expect(redact('hunter2')).toBe(REDACTION_MASK);
    expect(redact('')).toBe(REDACTION_MASK);
  });

  it('never contains more than four characters of the input', () => {
    for (let length = 0; length < 80; length++) {
      const secret = 'Z'.repeat(length);
      expect(redact(secret).split('Z').length - 1).toBeLessThanOrEqual(4);
    }
  });
});

describe('redactSpan(s)', () => {
  const line = 'const key = "sk-proj-abcdefghijklmnop1234567890";';
  const start = line.indexOf('sk-');
  const end = line.lastIndexOf('"');

  it('replaces one span and keeps the code around it', () => {
    expect(redactSpan(line, start, end)).toBe(`const key = "sk-p${REDACTION_MASK}";`);
  });

  it('merges overlapping spans and handles any order', () => {
    const out = redactSpans(line, [
      [start + 5, end],
      [start, start + 10],
    ]);
    expect(out).toBe(`const key = "sk-p${REDACTION_MASK}";`);
    expect(out).not.toContain('abcdefghijklmnop');
  });

  it('redacts several separate spans on one line', () => {
    const two = 'a=AAAAAAAAAAAAAAAAAAAA b=BBBBBBBBBBBBBBBBBBBB';
    const out = redactSpans(two, [
      [25, 45],
      [2, 22],
    ]);
    expect(out).toBe(`a=AAAA${REDACTION_MASK} b=BBBB${REDACTION_MASK}`);
  });
});
