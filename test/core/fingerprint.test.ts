import { describe, expect, it } from 'vitest';
import { fingerprint, normaliseSnippet } from '@secret-hygiene/core';

describe('fingerprint', () => {
  const base = { ruleId: 'no-secret-in-log', file: 'src/app.ts', snippet: 'console.log(apiKey)' };

  it('ignores whitespace changes in the snippet', () => {
    expect(fingerprint(base)).toBe(fingerprint({ ...base, snippet: '  console.log( apiKey)'.replace('( ', '(') }));
    expect(normaliseSnippet('a\n   b\t c ')).toBe('a b c');
  });

  it('changes with rule, file, snippet and occurrence', () => {
    const print = fingerprint(base);
    expect(fingerprint({ ...base, ruleId: 'no-secret-in-error' })).not.toBe(print);
    expect(fingerprint({ ...base, file: 'src/other.ts' })).not.toBe(print);
    expect(fingerprint({ ...base, snippet: 'console.log(token)' })).not.toBe(print);
    expect(fingerprint({ ...base, occurrence: 1 })).not.toBe(print);
  });

  it('treats Windows and POSIX separators alike', () => {
    expect(fingerprint({ ...base, file: 'src\\app.ts' })).toBe(fingerprint(base));
  });

  it('does not contain the snippet text', () => {
    const secret = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const print = fingerprint({ ...base, snippet: secret });
    expect(print).toMatch(/^[0-9a-f]{32}$/);
    expect(print).not.toContain(secret.slice(4, 12));
  });
});
