import { describe, expect, it } from 'vitest';
import { INVALID_SUPPRESSION_RULE, applySuppressions, parseSuppressions, type Finding } from '@secret-hygiene/core';

function finding(line: number, ruleId = 'no-hardcoded-secret', detector?: string): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'm',
    file: 'f',
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    evidence: 'x…[redacted]',
    fingerprint: `fp${line}${ruleId}`,
    ...(detector ? { detector } : {}),
  };
}

describe('parseSuppressions', () => {
  it('reads the comment styles of JS, Python/YAML, HTML and block comments', () => {
    const text = [
      '// secret-hygiene-ignore no-hardcoded-secret -- test fixture key',
      '# secret-hygiene-ignore no-secret-in-log -- prints a masked value',
      '<!-- secret-hygiene-ignore no-hardcoded-secret -- documentation sample -->',
      '/* secret-hygiene-ignore require-https, no-secret-in-log -- local mock server */',
    ].join('\n');
    const parsed = parseSuppressions(text);
    expect(parsed.map((s) => s.ruleIds)).toEqual([
      ['no-hardcoded-secret'],
      ['no-secret-in-log'],
      ['no-hardcoded-secret'],
      ['require-https', 'no-secret-in-log'],
    ]);
    expect(parsed.map((s) => s.reason)).toEqual([
      'test fixture key',
      'prints a masked value',
      'documentation sample',
      'local mock server',
    ]);
    expect(parsed.map((s) => s.target)).toEqual([2, 3, 4, 5]);
  });

  it('targets its own line when it trails code', () => {
    const [s] = parseSuppressions('x = "k" # secret-hygiene-ignore no-hardcoded-secret -- sample');
    expect(s?.target).toBe(1);
  });

  it('ignores the marker outside comments', () => {
    expect(parseSuppressions('const s = "secret-hygiene-ignore no-hardcoded-secret -- x";')).toHaveLength(0);
  });

  it('stays fast on a pathological line', () => {
    const line = '//' + ' secret-hygiene-ignore'.repeat(20_000) + ' --'.repeat(20_000);
    const started = performance.now();
    parseSuppressions(line);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('applySuppressions', () => {
  const text = [
    'ok',
    '// secret-hygiene-ignore no-hardcoded-secret -- fixture',
    'const a = "token";',
    '// secret-hygiene-ignore no-hardcoded-secret',
    'const b = "token";',
    'const c = "token"; // secret-hygiene-ignore openai-project-key -- rotated sample',
  ].join('\n');

  it('silences the next line with a reasoned suppression, by rule id or detector id', () => {
    const result = applySuppressions([finding(3), finding(5), finding(6, 'no-hardcoded-secret', 'openai-project-key')], 'f', text);
    expect(result.kept.map((f) => f.line)).toEqual([5]);
    expect(result.suppressed).toBe(2);
  });

  it('reports a suppression without a reason and lets the finding through', () => {
    const result = applySuppressions([finding(5)], 'f', text);
    expect(result.kept).toHaveLength(1);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0]).toMatchObject({ ruleId: INVALID_SUPPRESSION_RULE, line: 4 });
  });

  it('does not silence another rule', () => {
    const result = applySuppressions([finding(3, 'no-secret-in-log')], 'f', text);
    expect(result.kept).toHaveLength(1);
  });
});
