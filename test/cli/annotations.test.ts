import { describe, expect, it } from 'vitest';
import { annotationKey, parseAnnotations } from '../support/annotations.js';

describe('parseAnnotations', () => {
  it('reads alerts in every comment style', () => {
    const text = [
      'console.log(key); // $ Alert[no-secret-in-log]',
      'token = "x"  # $ Alert[no-hardcoded-secret]',
      '<!-- $ Alert[require-https] -->',
      'call(/* $ Alert[no-secret-in-error] */);',
      'plain line',
    ].join('\n');
    expect(parseAnnotations('f.ts', text)).toEqual([
      { file: 'f.ts', line: 1, ruleId: 'no-secret-in-log', missing: false },
      { file: 'f.ts', line: 2, ruleId: 'no-hardcoded-secret', missing: false },
      { file: 'f.ts', line: 3, ruleId: 'require-https', missing: false },
      { file: 'f.ts', line: 4, ruleId: 'no-secret-in-error', missing: false },
    ]);
  });

  it('reads several alerts on a line and known misses', () => {
    const text = 'x(); // $ Alert[a] Alert[b], Alert[c] $ MISSING: Alert[d]\r\n# $ MISSING: Alert[e]';
    expect(parseAnnotations('f', text).map((a) => [a.line, a.ruleId, a.missing])).toEqual([
      [1, 'a', false],
      [1, 'b', false],
      [1, 'c', false],
      [1, 'd', true],
      [2, 'e', true],
    ]);
  });

  it('ignores annotation-like text outside comments', () => {
    expect(parseAnnotations('f', 'const s = "$ Alert[a]";')).toEqual([]);
  });

  it('finds annotations inside notebook cell sources (JSON strings)', () => {
    const line = '    "token = \\"hf_x\\"  # $ Alert[no-hardcoded-secret]\\n",';
    expect(parseAnnotations('n.ipynb', line).map(annotationKey)).toEqual(['n.ipynb:1:no-hardcoded-secret']);
  });
});
