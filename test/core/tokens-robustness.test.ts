import { describe, expect, it } from 'vitest';
import { scanTokens, tokenFindings } from '@secret-hygiene/core';

const SIZE = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

/** Whole-file inputs built to defeat the detector's structure: many candidates, no separators, no endings. */
const PATHOLOGICAL: Record<string, string> = {
  'keyword soup': fill('key='),
  'many assignments': fill('api_key="Zr8kL2pQ9mV4xT7w"\n'),
  'one huge Secret document': fill('kind: Secret\ndata:\n  a: c2VjcmV0LXZhbHVlLTE=\n'),
  'BEGIN lines without END': fill('-----BEGIN PRIVATE KEY-----\n'),
  'URLs with credentials': fill('postgres://u:p@h '),
  'JWT prefixes': fill('eyJ'),
  'curl options': fill('curl -u a:b '),
  'near words': fill('aws_secret_access_key '),
  'headers': fill('Authorization: Bearer '),
};

describe('the token scan stays fast on pathological files', () => {
  it.each(Object.entries(PATHOLOGICAL))('%s', (_name, text) => {
    const started = performance.now();
    scanTokens(text);
    // Linear work on 1 MB takes well under a second even on a loaded machine; quadratic work takes minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('odd input', () => {
  it('handles empty text, lone surrogates, NUL bytes and non-ASCII text', () => {
    expect(scanTokens('')).toEqual([]);
    expect(scanTokens('\uD800\uDFFF\uD800 token = "\u0000\u0000" ключ="значение" 秘密="値"')).toEqual([]);
    expect(tokenFindings('binary.bin', '\u0000'.repeat(1000))).toEqual([]);
  });

  it('reports positions in lines after non-ASCII text', () => {
    const token = 'ghp_' + 'k3Vd9QmZ2xTr7LpW4nYb8HcJ6sFa1GeU5oRi';
    const [finding] = tokenFindings('a.py', `# 日本語のコメント\nTOKEN = "${token}"\n`);
    expect(finding).toMatchObject({ line: 2, column: 10 });
  });
});
