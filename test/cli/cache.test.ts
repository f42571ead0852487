import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '@secret-hygiene/core';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, type AuditOptions } from '../../packages/cli/src/audit.js';
import { currentEnvironment } from '../../packages/cli/src/cache/environment.js';
import type { ProjectConfig } from '../../packages/cli/src/config/project-config.js';
import { hashText, stableJson } from '../../packages/cli/src/cache/hash.js';
import type { Scanner } from '../../packages/cli/src/scanners/scanner.js';
import { VERSION } from '../../packages/cli/src/version.js';
import { REPO_ROOT, tempTree } from '../support/cli.js';

const cacheDirs: string[] = [];
afterAll(() => cacheDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function freshCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'secret-audit-cache-'));
  cacheDirs.push(dir);
  return join(dir, 'cache');
}

function finding(file: string, message: string): Finding {
  return { ruleId: 'no-secret-in-log', severity: 'error', message, file, line: 1, column: 1, endLine: 1, endColumn: 2, evidence: 'x', fingerprint: file };
}

/** A scanner that records which files each call received and reports one finding per file it reads. */
function recording(name: string, grain: Scanner['cacheGrain'], reads: (path: string) => boolean = () => true) {
  const calls: string[][] = [];
  const scanner: Scanner = {
    name,
    deep: false,
    ...(grain ? { cacheGrain: grain } : {}),
    wants: () => true,
    async scan(files, context) {
      calls.push(files.map((f) => f.path));
      return {
        findings: files.filter((f) => reads(f.path)).map((f) => finding(f.path, `${name} saw ${f.text.length} chars; declared ${[...context.declaredSecretEnv].join(',')}`)),
        errors: files.filter((f) => f.text.includes('unparsable')).map((f) => ({ file: f.path, message: `${name} cannot parse` })),
      };
    },
  };
  return { scanner, calls };
}

describe('result cache keys', () => {
  it('the environment is the CLI version with the build id, and the hash of the generated catalog file', () => {
    const catalog = readFileSync(join(REPO_ROOT, 'packages/core/generated/catalog.json'), 'utf8');
    const { id } = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/generated/build-id.json'), 'utf8')) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(currentEnvironment()).toEqual({ tool: `${VERSION}+${id}`, catalog: hashText(catalog) });
  });

  it('the build id follows the compiled code: a commit that changes the engine (same version) gets a new one', async () => {
    const { mkdtempSync: temp, cpSync } = await import('node:fs');
    const { writeBuildId } = (await import(join(REPO_ROOT, 'scripts/build-id.mjs'))) as { writeBuildId: (root: string) => void };
    const root = temp(join(tmpdir(), 'build-id-'));
    cacheDirs.push(root);
    mkdirSync(join(root, 'packages/core/generated'), { recursive: true });
    cpSync(join(REPO_ROOT, 'packages/core/generated/catalog.json'), join(root, 'packages/core/generated/catalog.json'));
    mkdirSync(join(root, 'packages/flow/dist'), { recursive: true });
    const idOf = (code: string) => {
      writeFileSync(join(root, 'packages/flow/dist/engine.js'), code);
      writeBuildId(root);
      return (JSON.parse(readFileSync(join(root, 'packages/cli/generated/build-id.json'), 'utf8')) as { id: string }).id;
    };
    const first = idOf('export const rules = 1;\n');
    expect(idOf('export const rules = 1;\n')).toBe(first);
    expect(idOf('export const rules = 2;\n')).not.toBe(first);
  });

  it('option objects compare by content, whatever the order of their fields, Sets and Maps', () => {
    expect(stableJson({ b: 1, a: { d: [1, 2], c: new Set(['y', 'x']) } })).toBe(stableJson({ a: { c: new Set(['x', 'y']), d: [1, 2] }, b: 1 }));
    expect(stableJson({ m: new Map([['k', 1]]) })).not.toBe(stableJson({ m: new Map([['k', 2]]) }));
    expect(stableJson({ a: [1, 2] })).not.toBe(stableJson({ a: [2, 1] }));
    expect(() => stableJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('result cache (audit API)', () => {
  it('per-file grain: unchanged files are reused, a changed file alone is scanned again', async () => {
    const tree = tempTree({ 'a.txt': 'one', 'b.txt': 'two', 'c.txt': 'unparsable' });
    const { scanner, calls } = recording('per-file', 'file');
    const options: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir: freshCacheDir() } };
    const cold = await audit(options);
    const warm = await audit(options);
    writeFileSync(join(tree.dir, 'b.txt'), 'two, changed');
    const changed = await audit(options);
    tree.cleanup();
    expect(calls).toEqual([['a.txt', 'b.txt', 'c.txt'], ['b.txt']]);
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.errors).toEqual([{ file: 'c.txt', message: 'per-file cannot parse' }]); // input errors come from the cache too
    expect(changed.findings.find((f) => f.file === 'b.txt')?.message).toContain('saw 12 chars');
    expect([cold.stats.cacheHits, cold.stats.cacheMisses, warm.stats.cacheHits, warm.stats.cacheMisses]).toEqual([0, 3, 3, 0]);
    expect([changed.stats.cacheHits, changed.stats.cacheMisses]).toEqual([2, 1]);
  });

  it('whole-run grain: reused only while every file it reads is unchanged', async () => {
    const tree = tempTree({ 'app.ts': 'let a = 1;', 'lib.ts': 'let b = 2;', 'README.md': '# readme' });
    const { scanner, calls } = recording('whole', { reads: (path) => path.endsWith('.ts') });
    const options: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir: freshCacheDir() } };
    await audit(options);
    await audit(options);
    writeFileSync(join(tree.dir, 'README.md'), '# readme, edited'); // not read: still a hit
    await audit(options);
    writeFileSync(join(tree.dir, 'lib.ts'), 'let b = 3;');
    await audit(options);
    writeFileSync(join(tree.dir, 'new.ts'), 'let c = 4;'); // a file added to the set it reads
    await audit(options);
    tree.cleanup();
    expect(calls.length).toBe(3);
  });

  it('a scanner without a declared grain is never cached', async () => {
    const tree = tempTree({ 'a.txt': 'one' });
    const { scanner, calls } = recording('uncached', undefined);
    const options: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir: freshCacheDir() } };
    await audit(options);
    await audit(options);
    tree.cleanup();
    expect(calls.length).toBe(2);
  });

  it('any result-affecting option, version or catalog change misses; cwd-independent options do not', async () => {
    const tree = tempTree({ 'a.txt': 'one' });
    const { scanner, calls } = recording('per-file', 'file');
    const dir = freshCacheDir();
    const base: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir, environment: { tool: '1.0.0', catalog: 'c1' } } };
    await audit(base); // scan 1
    await audit({ ...base, paths: ['a.txt'] }); // paths select files; the file is unchanged: hit
    await audit({ ...base, maxFileSize: 2048 }); // scan 2
    // An option this test does not know by name (a config file's rules, say) is part of the key all the same.
    await audit({ ...base, rules: { 'no-secret-in-log': 'off' } } as AuditOptions); // scan 3
    await audit({ ...base, cache: { dir, environment: { tool: '1.0.1', catalog: 'c1' } } }); // scan 4
    await audit({ ...base, cache: { dir, environment: { tool: '1.0.1', catalog: 'c2' } } }); // scan 5
    await audit({ ...base, cache: { dir, environment: { tool: '1.0.1', catalog: 'c2' } } }); // hit
    tree.cleanup();
    expect(calls.length).toBe(5);
  });

  it('keys on what the project config says and ignores the progress callback', async () => {
    const tree = tempTree({ 'a.txt': 'one' });
    const { scanner, calls } = recording('per-file', 'file');
    const base: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir: freshCacheDir() } };
    const config = (settings: ProjectConfig['settings']): ProjectConfig => ({
      file: '.secret-audit.yaml', root: tree.dir, names: {}, ignorePaths: [], rules: {}, settings,
    });
    await audit({ ...base, config: config({ extraLoggers: ['audit'] }), onProgress: () => {} }); // scan 1
    await audit({ ...base, config: config({ extraLoggers: ['audit'] }), onProgress: () => {} }); // hit
    await audit({ ...base, config: config({ extraLoggers: ['trail'] }) }); // scan 2
    await audit({ ...base, config: config({ extraTokens: [{ id: 'acme', description: 'Acme key', pattern: 'acme_[a-z]{8}', keywords: ['acme_'] }] }) }); // scan 3
    tree.cleanup();
    expect(calls.length).toBe(3);
  });

  it('runs without the cache when an option has no stable form', async () => {
    const tree = tempTree({ 'a.txt': 'one' });
    const { scanner, calls } = recording('per-file', 'file');
    const options = { cwd: tree.dir, scanners: [scanner], cache: { dir: freshCacheDir() }, hook: () => 1 } as AuditOptions;
    const first = await audit(options);
    await audit(options);
    tree.cleanup();
    expect(first.stats.cacheHits).toBeUndefined();
    expect(calls.length).toBe(2);
  });

  it('restores the secret names a cached config scanner declared, and keys later scanners on them', async () => {
    const tree = tempTree({ 'config.yaml': 'secrets: {}', 'app.ts': 'x' });
    let declares = 'HF_TOKEN';
    const configCalls: number[] = [];
    const config: Scanner = {
      name: 'config',
      deep: false,
      cacheGrain: { reads: (path) => path.endsWith('.yaml') },
      wants: () => true,
      async scan(_files, context) {
        configCalls.push(1);
        context.declaredSecretEnv.add(declares);
        return { findings: [], errors: [] };
      },
    };
    const code = recording('code', 'file');
    const options: AuditOptions = { cwd: tree.dir, scanners: [config, code.scanner], cache: { dir: freshCacheDir() } };
    const cold = await audit(options);
    const warm = await audit(options);
    writeFileSync(join(tree.dir, 'config.yaml'), 'secrets: {OPENAI_API_KEY: null}');
    declares = 'OPENAI_API_KEY';
    const changed = await audit(options);
    tree.cleanup();
    expect(configCalls.length).toBe(2);
    expect(warm.findings).toEqual(cold.findings);
    expect(cold.findings[0]?.message).toContain('declared HF_TOKEN');
    // The code scanner's file did not change, but what the config declares did: its entry is not reused.
    expect(changed.findings.find((f) => f.file === 'app.ts')?.message).toContain('declared OPENAI_API_KEY');
    expect(code.calls.length).toBe(2);
  });

  it('ignores a corrupt, foreign or unreadable cache and never fails the run because of it', async () => {
    const tree = tempTree({ 'a.txt': 'one' });
    const { scanner, calls } = recording('per-file', 'file');
    const dir = freshCacheDir();
    const options: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir } };
    await audit(options);
    const file = join(dir, 'results-v1.json');
    const valid = readFileSync(file, 'utf8');
    const corruptions = [
      '{"format":"secret-audit-cache/1","entries":{', // truncated
      '\u0000\u0001binary',
      '{"format":"someone-else/9","entries":{}}',
      valid.replace(/"findings":\[/g, '"findings":7,"x":['), // entries of the wrong shape
      'null',
    ];
    for (const text of corruptions) {
      writeFileSync(file, text);
      const result = await audit(options);
      expect(result.findings.map((f) => f.file)).toEqual(['a.txt']);
      expect(result.failures).toEqual([]);
    }
    // A folder where the cache file should be: the run goes on without a cache.
    rmSync(file);
    mkdirSync(file);
    const blocked = await audit(options);
    tree.cleanup();
    expect(blocked.findings.map((f) => f.file)).toEqual(['a.txt']);
    expect(calls.length).toBe(1 + corruptions.length + 1);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('keeps only the entries a run used, so the cache never outgrows one run', async () => {
    const tree = tempTree(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.txt`, `text ${i}`])));
    const { scanner } = recording('per-file', 'file');
    const dir = freshCacheDir();
    const options: AuditOptions = { cwd: tree.dir, scanners: [scanner], cache: { dir } };
    await audit(options);
    const entries = () => Object.keys((JSON.parse(readFileSync(join(dir, 'results-v1.json'), 'utf8')) as { entries: object }).entries).length;
    expect(entries()).toBe(20);
    for (let i = 0; i < 20; i++) writeFileSync(join(tree.dir, `f${i}.txt`), `edited ${i}`);
    await audit(options);
    expect(entries()).toBe(20);
    await audit({ ...options, paths: ['f1.txt', 'f2.txt'] });
    tree.cleanup();
    expect(entries()).toBe(2);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
