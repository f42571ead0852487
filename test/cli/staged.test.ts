import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, plantedSecrets, runCli, tempTree } from '../support/cli.js';

const secrets = plantedSecrets();

describe('--staged', () => {
  const tree = tempTree({
    'staged-leak.py': `HF = "${secrets.huggingFace}"\n`,
    'fixed-in-index.py': `GH = "${secrets.github}"\n`,
    'unstaged.py': `R8 = "${secrets.replicate}"\n`,
    'name with space.py': `HF = "${secrets.huggingFace}"\n`,
  });
  afterAll(tree.cleanup);
  git(tree.dir, ['init', '-q']);
  git(tree.dir, ['add', 'staged-leak.py', 'fixed-in-index.py', 'name with space.py']);
  // The working tree now holds a clean version of a file whose staged blob leaks, and vice versa.
  writeFileSync(join(tree.dir, 'fixed-in-index.py'), 'GH = os.environ["GH"]\n');
  writeFileSync(join(tree.dir, 'staged-leak.py'), `HF = "${secrets.huggingFace}"\nprint("changed after staging")\n`);

  it('scans the blobs in the index, not the working tree, including an initial commit', () => {
    const run = runCli(['--staged', '--format', 'json', '--no-deep'], { cwd: tree.dir });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string; line: number }>; stats: { files: number } };
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['fixed-in-index.py:1', 'name with space.py:1', 'staged-leak.py:1']);
    expect(report.stats.files).toBe(3);
  });

  it('reports paths relative to the working directory when run from a subdirectory', () => {
    git(tree.dir, ['commit', '-q', '-m', 'first']);
    mkdirSync(join(tree.dir, 'sub'));
    writeFileSync(join(tree.dir, 'sub', 'inner.py'), `R8 = "${secrets.replicate}"\n`);
    git(tree.dir, ['add', 'sub/inner.py', 'unstaged.py']);
    const run = runCli(['--staged', '--format', 'json', '--no-deep'], { cwd: join(tree.dir, 'sub') });
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }> };
    expect(report.findings.map((f) => f.file).sort()).toEqual(['../unstaged.py', 'inner.py']);
  });

  it('narrows the staged set to the given paths', () => {
    const run = runCli(['--staged', '--format', 'json', '--no-deep', 'sub'], { cwd: tree.dir });
    const report = JSON.parse(run.stdout) as { findings: Array<{ file: string }> };
    expect(report.findings.map((f) => f.file)).toEqual(['sub/inner.py']);
  });

  it('skips staged binary and oversized blobs, counting them', () => {
    writeFileSync(join(tree.dir, 'model.bin'), new Uint8Array([1, 0, 2, 0, 3]));
    writeFileSync(join(tree.dir, 'big.txt'), 'x'.repeat(4096));
    git(tree.dir, ['add', 'model.bin', 'big.txt']);
    const run = runCli(['--staged', '--format', 'json', '--no-deep', '--max-file-size', '1KiB'], { cwd: tree.dir });
    const report = JSON.parse(run.stdout) as { stats: { skippedBinary: number; skippedOversized: number } };
    expect(report.stats).toMatchObject({ skippedBinary: 1, skippedOversized: 1 });
  });

  it('is a usage error outside a git repository', () => {
    const outside = tempTree({ 'a.py': 'x = 1\n' });
    try {
      const run = runCli(['--staged'], { cwd: outside.dir, env: { GIT_CEILING_DIRECTORIES: outside.dir } });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--staged needs a git repository');
    } finally {
      outside.cleanup();
    }
  });
});
