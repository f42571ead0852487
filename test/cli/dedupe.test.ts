import type { Finding } from '@secret-hygiene/core';
import { describe, expect, it } from 'vitest';
import { dedupe } from '../../packages/cli/src/postprocess.js';

function flowFinding(column: number, endColumn: number, source = { line: 1, column: 5 }, ruleId = 'no-secret-in-error'): Finding {
  return {
    ruleId,
    severity: 'error',
    message: 'm',
    file: 'a.py',
    line: 3,
    column,
    endLine: 3,
    endColumn,
    evidence: 'raise X(…)',
    fingerprint: `${ruleId}-${column}`,
    flow: [
      { file: 'a.py', ...source, note: 'source' },
      { file: 'a.py', line: 3, column, note: 'sink' },
    ],
  };
}

describe('dedupe', () => {
  it('keeps one finding per rule, file, line and column', () => {
    const a = flowFinding(5, 20);
    expect(dedupe([a, { ...a, message: 'again' }])).toEqual([a]);
  });

  it('keeps the outermost of nested sinks on one line fed by the same source', () => {
    const outer = flowFinding(5, 40);
    const inner = flowFinding(11, 40);
    expect(dedupe([inner, outer])).toEqual([outer]);
  });

  it('keeps nested sinks of different sources, of different rules, and side-by-side sinks', () => {
    const outer = flowFinding(5, 40);
    const otherSource = flowFinding(11, 40, { line: 2, column: 1 });
    const otherRule = flowFinding(11, 40, { line: 1, column: 5 }, 'no-secret-in-log');
    const beside = flowFinding(45, 60);
    expect(dedupe([outer, otherSource, otherRule, beside])).toEqual([outer, otherSource, otherRule, beside]);
  });

  it('leaves findings without a flow alone', () => {
    const token = { ...flowFinding(5, 40), flow: undefined, ruleId: 'no-hardcoded-secret' };
    const inside = { ...token, column: 8, endColumn: 30, evidence: 'ghp_…' };
    expect(dedupe([token, inside])).toEqual([token, inside]);
  });

  it('keeps the value of a hardcoded literal that two front ends report, quoted and unquoted', () => {
    const literal = { ...flowFinding(5, 20), flow: undefined, ruleId: 'no-hardcoded-secret', evidence: 'k9d…' };
    const value = { ...literal, column: 6, endColumn: 19 };
    expect(dedupe([literal, value])).toEqual([value]);
    expect(dedupe([value, literal])).toEqual([value]);
  });
});
