import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, plantedSecrets, REPO_ROOT, runCli, runCliAsync, tempTree } from '../support/cli.js';

const CACHE = '.secret-audit-cache';
const WITH_CACHE = { SECRET_AUDIT_NO_CACHE: '' };

interface JsonReport {
  findings: Array<{ file: string; line: number; ruleId: string }>;
  errors: unknown[];
  stats: Record<string, number>;
}

function parse(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/** The report without what differs between two runs of the same scan (time, cache counters). */
function comparable(report: JsonReport): unknown {
  const { durationMs: _d, cacheHits: _h, cacheMisses: _m, ...stats } = report.stats;
  return { findings: report.findings, errors: report.errors, stats };
}

const secrets = plantedSecrets();
const tree = tempTree({
  'model/predict.py': `import logging\nAPI = "${secrets.huggingFace}"\nlogging.info(API)\n`,
  'model/cog.yaml': `build:\n  python_version: "3.11"\npredict: "predict.py:Predictor"\n`,
  'web/client.ts': `const token = '${secrets.github}';\nconsole.log(token);\n`,
  'notes.md': `replicate: ${secrets.replicate}\n`,
});
const scratch = mkdtempSync(join(tmpdir(), 'secret-audit-cache-cli-'));
afterAll(() => {
  tree.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('result cache (CLI)', () => {
  it('a plain run writes .secret-audit-cache/ (git-ignored by itself) holding no secret, and a second run reuses it', () => {
    const cold = runCli(['--format', 'json', '.'], { cwd: tree.dir, env: WITH_CACHE });
    const warm = runCli(['--format', 'json', '.'], { cwd: tree.dir, env: WITH_CACHE });
    expect(cold.status, cold.stderr).toBe(1);
    expect(warm.status, warm.stderr).toBe(1);
    expect(readFileSync(join(tree.dir, CACHE, '.gitignore'), 'utf8')).toBe('*\n');
    const [first, second] = [parse(cold.stdout), parse(warm.stdout)];
    expect(first.findings.map((f) => f.file)).toEqual(expect.arrayContaining(['model/predict.py', 'web/client.ts', 'notes.md']));
    expect(comparable(second)).toEqual(comparable(first)); // the cache folder itself is neither scanned nor counted
    expect(second.stats.cacheMisses).toBe(0);
    expect(second.stats.cacheHits).toBeGreaterThan(0);
    const files = readdirSync(join(tree.dir, CACHE));
    expect(files).toContain('results-v1.json');
    for (const name of files) {
      const text = readFileSync(join(tree.dir, CACHE, name), 'utf8');
      for (const secret of Object.values(secrets)) {
        expect(text.includes(secret), `${name} holds a planted secret`).toBe(false);
        expect(text.includes(secret.slice(8)), `${name} holds the tail of a planted secret`).toBe(false);
      }
    }
  });

  it('gives the same report on the fixtures with a cold cache, a warm one and none, and leaves no cache in fixtures/', async () => {
    const cwd = join(REPO_ROOT, 'fixtures');
    const args = ['--format', 'json', '--cache-dir', join(scratch, 'fixtures-cache'), '.'];
    const [cold, none] = await Promise.all([
      runCliAsync(args, { cwd, env: WITH_CACHE }),
      runCliAsync(['--format', 'json', '--no-cache', '.'], { cwd, env: WITH_CACHE }),
    ]);
    const warm = await runCliAsync(args, { cwd, env: WITH_CACHE });
    for (const run of [cold, warm, none]) expect(run.status, run.stderr).toBe(1);
    expect(parse(cold.stdout).findings.length).toBeGreaterThan(20);
    expect(comparable(parse(warm.stdout))).toEqual(comparable(parse(cold.stdout)));
    expect(comparable(parse(none.stdout))).toEqual(comparable(parse(cold.stdout)));
    expect(parse(warm.stdout).stats.cacheMisses).toBe(0);
    expect(parse(none.stdout).stats.cacheHits).toBeUndefined();
    expect(existsSync(join(cwd, CACHE))).toBe(false);
  });

  it('a corrupt cache is ignored and rebuilt; a --cache-dir inside the tree is not scanned either', () => {
    writeFileSync(join(tree.dir, CACHE, 'results-v1.json'), '{"format":"secret-audit-cache/1","entries":{"x":');
    const corrupt = runCli(['--format', 'json', '.'], { cwd: tree.dir, env: WITH_CACHE });
    expect(corrupt.status, corrupt.stderr).toBe(1);
    expect(corrupt.stderr).toBe('');
    expect(parse(corrupt.stdout).stats.cacheHits).toBe(0);
    expect(JSON.parse(readFileSync(join(tree.dir, CACHE, 'results-v1.json'), 'utf8'))).toHaveProperty('entries');
    const custom = ['--format', 'json', '--cache-dir', 'build/audit-cache', '.'];
    const [first, second] = [runCli(custom, { cwd: tree.dir, env: WITH_CACHE }), runCli(custom, { cwd: tree.dir, env: WITH_CACHE })];
    rmSync(join(tree.dir, 'build'), { recursive: true, force: true });
    expect(comparable(parse(second.stdout))).toEqual(comparable(parse(first.stdout)));
    expect(comparable(parse(first.stdout))).toEqual(comparable(parse(corrupt.stdout)));
    expect(parse(second.stdout).stats.cacheMisses).toBe(0);
  });

  it('a warm run loads no parser, type checker or YAML library', () => {
    const graph = () => {
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'test/support/import-graph.mjs'), '--format', 'json', '.'], { cwd: tree.dir, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as { modules: string[] }).modules;
    };
    const heavy = (modules: string[]) =>
      modules.filter((url) => ['typescript', 'ts-morph', 'web-tree-sitter', 'yaml'].some((name) => url.includes(`/node_modules/${name}/`)));
    rmSync(join(tree.dir, CACHE), { recursive: true, force: true });
    expect(heavy(graph()).length).toBeGreaterThan(0); // cold: the check can see them
    expect(heavy(graph())).toEqual([]);
  });

  it('--no-cache and --staged neither read nor write a cache', () => {
    const repo = tempTree({ 'app.ts': `const key = '${plantedSecrets().github}';\n` });
    git(repo.dir, ['init', '-q']);
    git(repo.dir, ['add', '.']);
    const staged = runCli(['--staged', '--format', 'json'], { cwd: repo.dir, env: WITH_CACHE });
    const off = runCli(['--no-cache', '--format', 'json', '.'], { cwd: repo.dir, env: WITH_CACHE });
    const exists = existsSync(join(repo.dir, CACHE));
    repo.cleanup();
    expect([staged.status, off.status]).toEqual([1, 1]);
    expect(exists).toBe(false);
  });

  it('rejects --no-cache with --cache-dir', () => {
    const run = runCli(['--no-cache', '--cache-dir', 'x', '.'], { cwd: tree.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--no-cache and --cache-dir contradict each other');
  });
});
