import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plantedSecrets, runCli, tempTree } from '../support/cli.js';

interface JsonReport {
  findings: Array<{ file: string; line: number; ruleId: string }>;
  errors: Array<{ file: string; message: string }>;
  stats: Record<string, number>;
}

const secrets = plantedSecrets();
const leak = (name: string) => `${name} = "${secrets.huggingFace}"\n`;

function audit(dir: string, args: string[] = []): JsonReport {
  const run = runCli(['--format', 'json', '--no-deep', ...args], { cwd: dir });
  expect(run.status, run.stderr).not.toBe(2);
  return JSON.parse(run.stdout) as JsonReport;
}

describe('file discovery', () => {
  const tree = tempTree({
    '.gitignore': 'ignored/\n*.log\n!keep.log\n',
    'ignored/leak.py': leak('a'),
    'debug.log': leak('b'),
    'keep.log': leak('c'),
    'sub/.gitignore': 'local.py\n',
    'sub/local.py': leak('d'),
    'sub/kept.py': leak('e'),
    'node_modules/pkg/index.js': leak('f'),
    'src/.env.production': `HF_TOKEN=${secrets.huggingFace}\n`,
    'src/settings.json': `{"token": "${secrets.huggingFace}"}\n`,
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/python3.12/site-packages/lib.py': leak('h'),
  });
  mkdirSync(join(tree.dir, '.git', 'info'), { recursive: true });
  writeFileSync(join(tree.dir, '.git', 'leak.py'), leak('g'));
  writeFileSync(join(tree.dir, '.git', 'info', 'exclude'), 'excluded-locally.py\n');
  writeFileSync(join(tree.dir, 'excluded-locally.py'), leak('i'));
  afterAll(tree.cleanup);

  it('honours .gitignore at every level (with negation) and .git/info/exclude; never enters .git, node_modules or a virtualenv', () => {
    const report = audit(tree.dir);
    expect([...new Set(report.findings.map((f) => f.file))].sort()).toEqual(['keep.log', 'src/.env.production', 'src/settings.json', 'sub/kept.py']);
    expect(report.stats['skippedIgnored']).toBe(4);
    expect(report.stats['skippedExcluded']).toBe(3);
  });

  it('scans an ignored file when it is named on the command line', () => {
    const report = audit(tree.dir, ['debug.log']);
    expect(report.findings.map((f) => f.file)).toEqual(['debug.log']);
  });
});

describe('bad input never crashes a run', () => {
  const tree = tempTree({
    'ok.py': leak('ok'),
    'image.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]),
    'huge.txt': 'x'.repeat(2 * 1024 * 1024) + leak('huge'),
    'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
  });
  symlinkSync('.', join(tree.dir, 'loop'));
  symlinkSync('self', join(tree.dir, 'self'));
  symlinkSync('missing-target', join(tree.dir, 'dangling'));
  symlinkSync('ok.py', join(tree.dir, 'alias.py'));
  afterAll(tree.cleanup);

  it('skips binary and oversized files (counted), reports invalid UTF-8 and bad links, survives loops, reads a file once', () => {
    const report = audit(tree.dir);
    expect(report.findings.map((f) => f.file)).toEqual(['ok.py']);
    expect(report.stats['files']).toBe(1);
    expect(report.stats['skippedBinary']).toBe(1);
    expect(report.stats['skippedOversized']).toBe(1);
    const errors = Object.fromEntries(report.errors.map((e) => [e.file, e.message]));
    expect(errors['latin1.txt']).toMatch(/UTF-8/);
    expect(errors['self']).toMatch(/loop/);
    expect(errors['dangling']).toMatch(/broken symbolic link/);
  });

  it('allows notebooks more room, since their images are never scanned', () => {
    const image = 'A'.repeat(3 * 1024 * 1024);
    const notebook = JSON.stringify({
      cells: [{ cell_type: 'code', source: [leak('nb')], outputs: [{ output_type: 'display_data', data: { 'image/png': image } }] }],
      nbformat: 4,
    });
    const big = tempTree({ 'plots.ipynb': notebook, 'data.txt': image + leak('data') });
    try {
      const report = audit(big.dir);
      expect(report.findings.map((f) => f.file)).toEqual(['plots.ipynb']);
      expect(report.stats['skippedOversized']).toBe(1);
    } finally {
      big.cleanup();
    }
  });

  it('raises the size limit with --max-file-size', () => {
    const report = audit(tree.dir, ['--max-file-size', '4MiB']);
    expect(report.findings.map((f) => f.file).sort()).toEqual(['huge.txt', 'ok.py']);
  });

  it('prints input errors on stderr in text mode and keeps the exit code of the findings', () => {
    const run = runCli(['--no-deep'], { cwd: tree.dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('latin1.txt: not valid UTF-8');
  });
});
