import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../support/annotations.js';
import { compareWithAnnotations } from '../support/conformance.js';

const text = ['a(); // $ Alert[r1]', 'b(); // $ MISSING: Alert[r2]', 'c();', 'd(); // $ Alert[r3]'].join('\n');
const annotations = parseAnnotations('f.ts', text);
const finding = (line: number, ruleId: string) => ({ file: 'f.ts', line, ruleId });

describe('compareWithAnnotations', () => {
  it('passes when findings equal the alerts', () => {
    expect(compareWithAnnotations(annotations, [finding(1, 'r1'), finding(4, 'r3')])).toEqual([
      { file: 'f.ts', extra: [], missing: [], knownMissNowFound: [] },
    ]);
  });

  it('reports extra and missing findings, and known misses that are found now', () => {
    const [result] = compareWithAnnotations(annotations, [finding(1, 'r1'), finding(2, 'r2'), finding(3, 'r1'), finding(4, 'other')]);
    expect(result).toEqual({
      file: 'f.ts',
      extra: ['f.ts:3:r1', 'f.ts:4:other'],
      missing: ['f.ts:4:r3'],
      knownMissNowFound: ['f.ts:2:r2'],
    });
  });

  it('reports findings in files without annotations', () => {
    expect(compareWithAnnotations([], [finding(7, 'r1')])).toEqual([{ file: 'f.ts', extra: ['f.ts:7:r1'], missing: [], knownMissNowFound: [] }]);
  });
});
