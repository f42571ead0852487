import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BaselineError, filterByBaseline, readBaseline, writeBaseline, type Finding } from '@secret-hygiene/core';

const make = (fingerprint: string, file = 'a.ts'): Finding => ({
  ruleId: 'no-hardcoded-secret',
  severity: 'error',
  message: 'm',
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  evidence: 'ghp_…[redacted]',
  fingerprint,
});

describe('baseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-'));

  it('round-trips and filters known findings only', () => {
    const path = join(dir, 'nested', 'baseline.json');
    writeBaseline(path, [make('b'), make('a'), make('a')]);
    const baseline = readBaseline(path);
    expect(baseline.findings.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(filterByBaseline([make('a'), make('c')], baseline).map((f) => f.fingerprint)).toEqual(['c']);
  });

  it('stores no evidence or message', () => {
    const path = join(dir, 'b.json');
    writeBaseline(path, [make('a')]);
    const raw = readFileSync(path, 'utf8');
    expect(raw).not.toContain('redacted');
    expect(raw).not.toContain('message');
  });

  it('rejects files that are not baselines with a clear error', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"findings": 3}');
    expect(() => readBaseline(bad)).toThrow(BaselineError);
    expect(() => readBaseline(join(dir, 'missing.json'))).toThrow(/cannot read baseline/);
  });
});
