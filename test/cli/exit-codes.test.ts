import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plantedSecrets, runCli, tempTree } from '../support/cli.js';

const secrets = plantedSecrets();
const tree = tempTree({
  'leaky/app.py': `import os\nHF = "${secrets.huggingFace}"\n`,
  'clean/app.py': 'import os\nHF = os.environ["HF_TOKEN"]\n',
  'warn-only/notes.py': '# secret-hygiene-ignore no-hardcoded-secret\nx = 1\n',
});
afterAll(tree.cleanup);

describe('secret-audit exit codes', () => {
  it('exits 1 with findings', () => {
    const run = runCli(['leaky', '--no-deep'], { cwd: tree.dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('leaky/app.py:2:7');
    expect(run.stdout).toContain('no-hardcoded-secret');
  });

  it('exits 0 on a clean folder and says so', () => {
    const run = runCli(['clean', '--no-deep'], { cwd: tree.dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/No findings; 1 file scanned/);
  });

  it('exits 0 when only warnings remain (documented in --help)', () => {
    const run = runCli(['warn-only', '--no-deep'], { cwd: tree.dir });
    expect(run.stdout).toContain('invalid-suppression');
    expect(run.status).toBe(0);
  });

  it('exits 2 with the usage line on an unknown flag, without echoing its value', () => {
    const run = runCli(['--api-key=' + secrets.github], { cwd: tree.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --api-key');
    expect(run.stderr).toContain('Usage: secret-audit');
    expect(run.stderr).not.toContain(secrets.github);
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a bad --format value, a missing option value and a missing path', () => {
    expect(runCli(['--format', 'xml'], { cwd: tree.dir }).status).toBe(2);
    expect(runCli(['--output'], { cwd: tree.dir }).status).toBe(2);
    const missing = runCli(['no-such-dir'], { cwd: tree.dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('path not found: no-such-dir');
  });

  it('--help lists every flag with an example and exits 0', () => {
    const run = runCli(['--help'], { cwd: tree.dir });
    expect(run.status).toBe(0);
    for (const flag of ['--format', '--output', '--staged', '--baseline', '--write-baseline', '--no-deep', '--max-file-size', '--quiet']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toMatch(/Exit status/);
  });

  it('--quiet prints findings without the summary line', () => {
    const run = runCli(['leaky', '--no-deep', '--quiet'], { cwd: tree.dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no-hardcoded-secret');
    expect(run.stdout).not.toMatch(/files? scanned/);
  });

  it('--output writes the report to a file', () => {
    const run = runCli(['leaky', '--no-deep', '--format', 'json', '--output', 'out/report.json'], { cwd: tree.dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(tree.dir, 'out/report.json'), 'utf8')) as { findings: Array<{ file: string }> };
    expect(report.findings.map((f) => f.file)).toEqual(['leaky/app.py']);
  });
});
