import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '@secret-hygiene/core';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../packages/cli/src/format/report.js';
import { formatSarif } from '../../packages/cli/src/format/sarif.js';
import { mergeSarifLogs, MergeInputError } from '../../packages/cli/src/merge/sarif.js';
import { REPO_ROOT, runCli, runCliAsync } from '../support/cli.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../support/sarif-schema-2.1.0.json', import.meta.url)), 'utf8')) as object;
const require = createRequire(import.meta.url);
const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  validate(log);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
}

function finding(ruleId: string, file: string, line: number, severity: Finding['severity'] = 'error'): Finding {
  return { ruleId, severity, message: `${ruleId} in ${file}`, file, line, column: 1, endLine: line, endColumn: 5, evidence: 'ghp_…', fingerprint: `${ruleId}-${file}-${line}` };
}

function sarifOf(findings: Finding[], files: number, errors: Report['errors'] = []): Sarif.Log {
  const stats = { files, durationMs: 10 * files, skippedBinary: 1, skippedOversized: 0, skippedIgnored: 2, skippedExcluded: 0, suppressed: 1, baselined: 0 };
  return JSON.parse(formatSarif({ findings, errors, stats, sources: new Map(), unsuppressed: findings, cwd: '/repo' })) as Sarif.Log;
}

function runOf(log: Sarif.Log): Sarif.Run {
  return log.runs[0]!;
}

const scratch = mkdtempSync(join(tmpdir(), 'secret-audit-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('merge-sarif (merging)', () => {
  it('gives one valid run: rules deduplicated with right indices, results sorted, notifications and stats combined', () => {
    const a = sarifOf([finding('no-secret-in-log', 'b/x.ts', 9), finding('custom-front-end-rule', 'b/x.ts', 2)], 3, [{ file: 'b/bad.txt', message: 'not valid UTF-8' }]);
    const b = sarifOf([finding('no-hardcoded-secret', 'a/y.py', 4), finding('another-custom-rule', 'a/y.py', 1, 'warning')], 5);
    const merged = mergeSarifLogs([
      { name: 'a.sarif', log: a },
      { name: 'b.sarif', log: b },
    ]);
    expectValid(merged);
    expect(merged.runs.length).toBe(1);
    const run = runOf(merged);
    const ids = run.tool.driver.rules!.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['custom-front-end-rule', 'another-custom-rule', 'no-secret-in-log']));
    for (const result of run.results!) expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
    const at = (r: Sarif.Result) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine}`;
    expect(run.results!.map(at)).toEqual(['a/y.py:1', 'a/y.py:4', 'b/x.ts:2', 'b/x.ts:9']);
    expect(run.invocations).toHaveLength(1);
    expect(run.invocations![0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual(['not valid UTF-8']);
    const stats = (run.properties as { stats: Record<string, number> }).stats;
    expect(stats).toMatchObject({ files: 8, suppressed: 2, skippedBinary: 1, skippedIgnored: 2, durationMs: 50 });
    expect(run.tool.driver.name).toBe('secret-audit');
  });

  it('keeps a result once when two inputs hold it, and re-indexes artifacts by URI', () => {
    const one = sarifOf([finding('no-secret-in-log', 'x.ts', 1)], 1);
    const withArtifacts = (log: Sarif.Log, uris: string[]): Sarif.Log => {
      const run = runOf(log);
      run.artifacts = uris.map((uri) => ({ location: { uri } }));
      run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.index = uris.indexOf('x.ts');
      return log;
    };
    const merged = mergeSarifLogs([
      { name: '1', log: withArtifacts(one, ['x.ts']) },
      { name: '2', log: withArtifacts(sarifOf([finding('no-secret-in-log', 'x.ts', 1)], 1), ['z.ts', 'x.ts']) },
    ]);
    expectValid(merged);
    const run = runOf(merged);
    expect(run.results).toHaveLength(1);
    expect(run.artifacts!.map((a) => a.location!.uri)).toEqual(['x.ts', 'z.ts']);
    expect(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.index).toBe(0);
  });

  it('refuses inputs that are not SARIF 2.1.0 or come from another tool', () => {
    const ours = sarifOf([], 1);
    const theirs = structuredClone(ours);
    runOf(theirs).tool.driver.name = 'gitleaks';
    expect(() => mergeSarifLogs([{ name: 'x', log: { version: '2.0.0', runs: [] } }])).toThrow(MergeInputError);
    expect(() => mergeSarifLogs([{ name: 'x', log: 'text' }])).toThrow(MergeInputError);
    expect(() => mergeSarifLogs([{ name: 'ours', log: ours }, { name: 'theirs', log: theirs }])).toThrow(/theirs: made by gitleaks/);
  });
});

describe('merge-sarif (CLI)', () => {
  it('merged shard reports hold exactly the results of one unsharded run', async () => {
    const cwd = join(REPO_ROOT, 'fixtures');
    const out = (name: string) => join(scratch, name);
    const runs = await Promise.all([
      runCliAsync(['--format', 'sarif', '-o', out('all.sarif'), '.'], { cwd }),
      runCliAsync(['--format', 'sarif', '-o', out('s1.sarif'), '--shard', '1/3', '.'], { cwd }),
      runCliAsync(['--format', 'sarif', '-o', out('s2.sarif'), '--shard', '2/3', '.'], { cwd }),
      runCliAsync(['--format', 'sarif', '-o', out('s3.sarif'), '--shard', '3/3', '.'], { cwd }),
    ]);
    for (const run of runs) expect(run.status, run.stderr).toBe(1);
    const merge = runCli(['merge-sarif', out('merged.sarif'), out('s1.sarif'), out('s2.sarif'), out('s3.sarif')], { cwd });
    expect(merge.status, merge.stderr).toBe(1); // a merged result is an error, as in the unsharded run
    const merged = JSON.parse(readFileSync(out('merged.sarif'), 'utf8')) as Sarif.Log;
    const whole = JSON.parse(readFileSync(out('all.sarif'), 'utf8')) as Sarif.Log;
    expectValid(merged);
    const sorted = (log: Sarif.Log) => runOf(log).results!.map((r) => JSON.stringify(r)).sort();
    expect(runOf(whole).results!.length).toBeGreaterThan(20);
    expect(sorted(merged)).toEqual(sorted(whole));
    expect(runOf(merged).tool.driver.rules).toEqual(runOf(whole).tool.driver.rules);
    const files = (log: Sarif.Log) => (runOf(log).properties as { stats: { files: number } }).stats.files;
    expect(files(merged)).toBe(files(whole));
  }, 120_000);

  it('merge-json: merged shard JSON reports hold the findings and errors of one unsharded run', async () => {
    const cwd = join(REPO_ROOT, 'fixtures/repos');
    const out = (name: string) => join(scratch, name);
    const runs = await Promise.all([
      runCliAsync(['--format', 'json', '-o', out('all.json'), '.'], { cwd }),
      runCliAsync(['--format', 'json', '-o', out('j1.json'), '--shard', '1/2', '.'], { cwd }),
      runCliAsync(['--format', 'json', '-o', out('j2.json'), '--shard', '2/2', '.'], { cwd }),
    ]);
    for (const run of runs) expect(run.status, run.stderr).toBe(1);
    const merge = runCli(['merge-json', out('merged.json'), out('j1.json'), out('j2.json')], { cwd });
    expect(merge.status, merge.stderr).toBe(1);
    type Json = { findings: unknown[]; errors: unknown[]; stats: { files: number } };
    const [merged, whole] = [out('merged.json'), out('all.json')].map((file) => JSON.parse(readFileSync(file, 'utf8')) as Json);
    const parts = [out('j1.json'), out('j2.json')].map((file) => JSON.parse(readFileSync(file, 'utf8')) as Json);
    expect(parts.every((part) => part.findings.length > 0)).toBe(true);
    expect(merged!.findings).toEqual(whole!.findings); // both sorted by file, line, column, rule
    expect(merged!.errors).toEqual(whole!.errors);
    expect(merged!.stats.files).toBe(whole!.stats.files);
    expect(runCli(['merge-json', out('x.json'), out('all.sarif')], { cwd }).status).toBe(2); // a SARIF log is not a JSON report
  }, 120_000);

  it('exits 0 when no merged result is an error, 2 with a clear message on bad input or usage', () => {
    const clean = join(scratch, 'clean.sarif');
    writeFileSync(clean, JSON.stringify(sarifOf([finding('no-secret-in-log', 'x.ts', 1, 'warning')], 1)));
    writeFileSync(join(scratch, 'broken.sarif'), '{"version": "2.1.0", "runs": [');
    expect(runCli(['merge-sarif', join(scratch, 'out.sarif'), clean], { cwd: scratch }).status).toBe(0);
    const broken = runCli(['merge-sarif', 'out2.sarif', clean, 'broken.sarif'], { cwd: scratch });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('broken.sarif: not JSON');
    const missing = runCli(['merge-sarif', 'out2.sarif', 'nowhere.sarif'], { cwd: scratch });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.sarif: cannot read (ENOENT)');
    const usage = runCli(['merge-sarif', 'out2.sarif'], { cwd: scratch });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('merge-sarif needs an output file and at least one input');
    expect(() => readFileSync(join(scratch, 'out2.sarif'))).toThrow();
  });
});
