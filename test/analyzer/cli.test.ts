// `secret-audit <a multi-file case>` reports the leak with its whole path in every output format, and
// `--no-deep` leaves the analysis out.
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/cli.js';

const CASE = 'fixtures/analyzer/leaks/hf-token-error-chain';
const PATH_FILES = ['config.ts', 'client.ts', 'app.ts', 'errors.ts'].map((f) => `${CASE}/${f}`);

describe('secret-audit on a multi-file leak', () => {
  it('prints the path in text output', () => {
    const run = runCli([CASE], { cwd: REPO_ROOT });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${CASE}/errors.ts:2:10`);
    expect(run.stdout).toContain('no-secret-in-error');
    for (const file of PATH_FILES) expect(run.stdout).toMatch(new RegExp(`\\d\\. ${file}:\\d+:\\d+`));
  });

  it('carries the path in JSON `flow`', () => {
    const run = runCli([CASE, '--format', 'json'], { cwd: REPO_ROOT });
    const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; flow: Array<{ file: string; line: number; note: string }> }>; errors: unknown[] };
    expect(report.errors).toEqual([]);
    const [finding] = report.findings;
    expect(report.findings).toHaveLength(1);
    expect(finding).toMatchObject({ ruleId: 'no-secret-in-error', file: `${CASE}/errors.ts` });
    expect(finding!.flow[0]).toMatchObject({ file: `${CASE}/config.ts`, line: 3 });
    expect(finding!.flow.at(-1)).toMatchObject({ file: `${CASE}/errors.ts`, line: 2 });
    expect(new Set(finding!.flow.map((s) => s.file))).toEqual(new Set(PATH_FILES));
    expect(run.stdout).not.toMatch(/HF_TOKEN=|hf_[A-Za-z0-9]{10}/);
  });

  it('emits SARIF codeFlows across the files', () => {
    const run = runCli([CASE, '--format', 'sarif'], { cwd: REPO_ROOT });
    const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ codeFlows?: Array<{ threadFlows: Array<{ locations: Array<{ location: { physicalLocation: { artifactLocation: { uri: string } } } }> }> }> }> }> };
    const results = sarif.runs[0]!.results;
    expect(results).toHaveLength(1);
    const uris = results[0]!.codeFlows![0]!.threadFlows[0]!.locations.map((l) => l.location.physicalLocation.artifactLocation.uri);
    expect(uris[0]).toContain('config.ts');
    expect(uris.at(-1)).toContain('errors.ts');
    expect(new Set(uris).size).toBe(4);
  });

  it('skips the analysis with --no-deep', () => {
    const run = runCli([CASE, '--no-deep', '--format', 'json'], { cwd: REPO_ROOT });
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});
