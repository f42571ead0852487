import { join } from 'node:path';
import type { Finding } from '@secret-hygiene/core';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '../../packages/cli/src/audit.js';
import type { Scanner } from '../../packages/cli/src/scanners/scanner.js';
import { parseShard, partition } from '../../packages/cli/src/shard.js';
import { UsageError } from '../../packages/cli/src/usage-error.js';
import { plantedSecrets, REPO_ROOT, runCli, tempTree } from '../support/cli.js';

const sample: Finding = { ruleId: 'no-secret-in-log', severity: 'error', message: 'm', file: '', line: 1, column: 1, endLine: 1, endColumn: 2, evidence: 'e', fingerprint: 'f' };

function key(f: Finding): string {
  return JSON.stringify(f);
}

/** Runs the unsharded scan and shards 1..n; returns both sides of the comparison. */
async function shardsAgainstWhole(cwd: string, count: number, whole: AuditResult) {
  const shards = [];
  for (let index = 1; index <= count; index++) shards.push(await audit({ cwd, shard: { index, count } }));
  const files = shards.flatMap((s) => [...s.sources.keys()]);
  return {
    files: files.sort(),
    wholeFiles: [...whole.sources.keys()].sort(),
    findings: shards.flatMap((s) => s.findings.map(key)).sort(),
    wholeFindings: whole.findings.map(key).sort(),
    errors: shards.flatMap((s) => s.errors).sort((a, b) => key(a as never).localeCompare(key(b as never))),
    wholeErrors: [...whole.errors].sort((a, b) => key(a as never).localeCompare(key(b as never))),
    nonEmpty: shards.filter((s) => s.stats.files > 0).length,
  };
}

/** A repository of many small projects, each with a flow across two of its files and a planted token. */
function generatedTree(projects: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < projects; i++) {
    const secret = plantedSecrets().github;
    if (i % 3 === 0) {
      files[`services/svc${i}/package.json`] = `{"name":"svc${i}","type":"module"}\n`;
      files[`services/svc${i}/tsconfig.json`] = '{"compilerOptions":{"strict":true,"module":"nodenext"},"include":["src"]}\n';
      files[`services/svc${i}/src/key.ts`] = `export function apiKey(): string {\n  return process.env.SVC${i}_TOKEN ?? '';\n}\n`;
      files[`services/svc${i}/src/main.ts`] = `import { apiKey } from './key.js';\nconsole.log('key', apiKey());\n`;
      files[`services/svc${i}/src/fixture.ts`] = `export const sample = '${secret}';\n`.repeat(1 + (i % 4));
    } else if (i % 3 === 1) {
      files[`models/m${i}/pyproject.toml`] = `[project]\nname = "m${i}"\n`;
      files[`models/m${i}/helpers.py`] = `import os\n\ndef token():\n    return os.environ["HF_TOKEN"]\n`;
      files[`models/m${i}/predict.py`] = `import logging\nimport os\nfrom helpers import token\n\nlogging.info(token())\nlogging.info(os.environ["HF_TOKEN"])\nKEY = "${secret}"\n`;
    } else {
      files[`docs/d${i}.md`] = `# Notes ${i}\n\n${'text '.repeat(50 * (i % 5))}\ntoken: ${secret}\n`;
    }
  }
  return files;
}

describe('--shard', () => {
  it('reads i/n and rejects anything else with a usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', '2', 'a/b', '', '-1/2', '1/2/3', '1.5/2']) {
      expect(() => parseShard(bad), bad).toThrow(UsageError);
    }
    const run = runCli(['--shard', '3/2', '.'], { cwd: REPO_ROOT });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--shard: cannot read "3/2"');
  });

  it('puts every file in one shard, keeps a project together, balances by size and ignores input order', () => {
    const files = [
      { path: 'a/package.json', size: 10 },
      { path: 'a/src/x.ts', size: 5000 },
      { path: 'a/src/deep/y.ts', size: 5000 },
      { path: 'b/cog.yaml', size: 10 },
      { path: 'b/predict.py', size: 6000 },
      { path: 'c/one.md', size: 3000 },
      { path: 'c/sub/two.md', size: 3000 },
      { path: 'README.md', size: 100 },
      { path: 'a/nested/pyproject.toml', size: 10 },
      { path: 'a/nested/tool.py', size: 2000 },
    ];
    const shardOf = partition(files, 3);
    const reversed = partition([...files].reverse(), 3);
    expect(files.map((f) => reversed(f.path))).toEqual(files.map((f) => shardOf(f.path)));
    const same = (paths: string[]) => new Set(paths.map(shardOf)).size === 1;
    expect(same(['a/package.json', 'a/src/x.ts', 'a/src/deep/y.ts'])).toBe(true); // nearest project root: a/
    expect(same(['b/cog.yaml', 'b/predict.py'])).toBe(true);
    expect(same(['c/one.md', 'c/sub/two.md'])).toBe(true); // no project root: the top-level folder
    // Largest units first, each to the lightest shard: a/ (10010), b/ (6010), c/ (6000), then a/nested, README.
    expect(['a/src/x.ts', 'b/predict.py', 'c/one.md', 'a/nested/tool.py', 'README.md'].map(shardOf)).toEqual([1, 2, 3, 3, 2]);
    for (const f of files) expect([1, 2, 3]).toContain(shardOf(f.path));
  });

  it('keeps the scripts of one tsconfig program together, even across package folders', () => {
    const files = [
      { path: 'tsconfig.json', size: 10 },
      { path: 'packages/a/package.json', size: 10 },
      { path: 'packages/a/src/x.ts', size: 4000 },
      { path: 'packages/a/README.md', size: 4000 },
      { path: 'packages/b/package.json', size: 10 },
      { path: 'packages/b/src/y.ts', size: 4000 },
      { path: 'packages/c/tsconfig.json', size: 10 },
      { path: 'packages/c/z.ts', size: 4000 },
    ];
    const shardOf = partition(files, 3);
    expect(shardOf('packages/a/src/x.ts')).toBe(shardOf('packages/b/src/y.ts'));
    expect(shardOf('packages/a/src/x.ts')).toBe(shardOf('tsconfig.json'));
    expect(shardOf('packages/c/z.ts')).toBe(shardOf('packages/c/tsconfig.json'));
    expect(new Set(files.map((f) => shardOf(f.path))).size).toBe(3);
  });

  it('a scanner that sees every shard declares the same secrets in each, and reports each finding in one shard', async () => {
    const tree = tempTree({ 'a/config.yaml': 'declares: SHARED_TOKEN', 'b/app.ts': 'x', 'c/other.ts': 'y' });
    const config: Scanner = {
      name: 'config',
      deep: false,
      seesEveryShard: true,
      wants: () => true,
      async scan(files, context) {
        for (const f of files) if (f.path.endsWith('config.yaml')) context.declaredSecretEnv.add(f.text.split(': ')[1]!);
        return { findings: files.filter((f) => f.path.endsWith('.yaml')).map((f) => ({ ...sample, file: f.path })), errors: [] };
      },
    };
    const code: Scanner = {
      name: 'code',
      deep: false,
      wants: () => true,
      async scan(files, context) {
        return { findings: files.filter((f) => f.path.endsWith('.ts')).map((f) => ({ ...sample, file: f.path, message: [...context.declaredSecretEnv].join() })), errors: [] };
      },
    };
    const whole = await audit({ cwd: tree.dir, scanners: [config, code] });
    const shards = await Promise.all([1, 2, 3].map((index) => audit({ cwd: tree.dir, scanners: [config, code], shard: { index, count: 3 } })));
    tree.cleanup();
    expect(whole.findings.map((f) => `${f.file}:${f.message}`)).toEqual(['a/config.yaml:m', 'b/app.ts:SHARED_TOKEN', 'c/other.ts:SHARED_TOKEN']);
    expect(shards.flatMap((r) => r.findings.map(key)).sort()).toEqual(whole.findings.map(key).sort());
  });

  it('on fixtures/: shards 1..n together report exactly what one run does (n = 2, 3, 5)', async () => {
    const cwd = join(REPO_ROOT, 'fixtures');
    const whole = await audit({ cwd });
    expect(whole.findings.length).toBeGreaterThan(20);
    for (const count of [2, 3, 5]) {
      const side = await shardsAgainstWhole(cwd, count, whole);
      expect(side.files, `n=${count}: every file in exactly one shard`).toEqual(side.wholeFiles);
      expect(side.findings, `n=${count}`).toEqual(side.wholeFindings);
      expect(side.errors, `n=${count}`).toEqual(side.wholeErrors);
      expect(side.nonEmpty).toBe(count);
    }
  }, 240_000);

  const generated = tempTree(generatedTree(24));
  afterAll(generated.cleanup);

  it('on a generated tree of many projects: the union of shards equals one run, cross-file flows included', async () => {
    const whole = await audit({ cwd: generated.dir });
    const logged = whole.findings.filter((f) => f.ruleId === 'no-secret-in-log').map((f) => f.file);
    expect(logged.filter((file) => file.endsWith('/src/main.ts')).length).toBe(8); // the key is read in key.ts: a flow across files
    expect(logged.filter((file) => file.endsWith('/predict.py')).length).toBe(16); // the helper's return and the direct read
    expect(whole.findings.filter((f) => f.ruleId === 'no-hardcoded-secret').length).toBeGreaterThanOrEqual(24);
    for (const count of [2, 3, 5]) {
      const side = await shardsAgainstWhole(generated.dir, count, whole);
      expect(side.files, `n=${count}`).toEqual(side.wholeFiles);
      expect(side.findings, `n=${count}`).toEqual(side.wholeFindings);
      expect(side.nonEmpty).toBe(count);
    }
  }, 240_000);
});
