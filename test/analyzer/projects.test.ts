// How the analyzer turns a scan into programs: tsconfig projects, loose files, bad configurations, scanned text
// that differs from the disk (staged scans), and termination on large cyclic programs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RUNS_PER_FILE, analyzeFiles, type ScannedFile } from '@secret-hygiene/analyzer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes the files to a fresh directory and returns it with the files as the CLI would hand them over. */
function project(files: Record<string, string>): { cwd: string; scanned: ScannedFile[] } {
  const cwd = mkdtempSync(join(tmpdir(), 'analyzer-'));
  dirs.push(cwd);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, path)), { recursive: true });
    writeFileSync(join(cwd, path), text);
  }
  return { cwd, scanned: Object.entries(files).map(([path, text]) => ({ path, text })) };
}

const CONFIG = JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] }, include: ['src'] });
const SOURCE = 'export const settings = { key: process.env.OPENAI_API_KEY };\n';
const LOGGER = "import { settings } from './settings.js';\nconsole.log(settings);\n";

describe('programs of a scan', () => {
  it('analyses a tsconfig project and the files outside it as a second program', () => {
    const { cwd, scanned } = project({
      'pkg/tsconfig.json': CONFIG,
      'pkg/src/settings.ts': SOURCE,
      'pkg/src/main.ts': LOGGER,
      'scripts/settings.js': SOURCE,
      'scripts/main.js': LOGGER,
    });
    const out = analyzeFiles({ cwd, files: scanned });
    expect(out.errors).toEqual([]);
    expect(out.stats.projects).toBe(2);
    expect(out.findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual(['pkg/src/main.ts:2', 'scripts/main.js:2']);
    expect([...out.covered].sort()).toEqual(['pkg/src/main.ts', 'pkg/src/settings.ts', 'scripts/main.js', 'scripts/settings.js']);
  });

  it('reports a tsconfig it cannot read and still analyses its files', () => {
    const { cwd, scanned } = project({ 'tsconfig.json': '{ "compilerOptions": { "module": "NoSuchModule" } }', 'src/settings.ts': SOURCE, 'src/main.ts': LOGGER });
    const out = analyzeFiles({ cwd, files: scanned });
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatchObject({ file: 'tsconfig.json' });
    expect(out.errors[0]!.message).toMatch(/could not load this project/);
    expect(out.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/main.ts:2']);
  });

  it('loads a jsconfig.json project of JavaScript files', () => {
    const jsconfig = JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', paths: { '~/*': ['./src/*'] } }, include: ['src'] });
    const { cwd, scanned } = project({ 'jsconfig.json': jsconfig, 'src/settings.js': SOURCE, 'src/main.js': "import { settings } from '~/settings.js';\nconsole.log(settings);\n" });
    const out = analyzeFiles({ cwd, files: scanned });
    expect(out.errors).toEqual([]);
    expect(out.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['src/main.js:2']);
  });

  it('reads the scanned text, not the disk (staged content)', () => {
    const { cwd, scanned } = project({ 'tsconfig.json': CONFIG, 'src/settings.ts': 'export const settings = { region: "eu" };\n', 'src/main.ts': LOGGER });
    const staged = scanned.map((f) => (f.path === 'src/settings.ts' ? { ...f, text: SOURCE } : f));
    expect(analyzeFiles({ cwd, files: scanned }).findings).toEqual([]);
    expect(analyzeFiles({ cwd, files: staged }).findings.map((f) => f.file)).toEqual(['src/main.ts']);
  });

  it('terminates on a large program of import cycles and recursion, within its run bound', () => {
    const files: ScannedFile[] = [];
    const count = 150;
    for (let i = 0; i < count; i++) {
      const next = (i + 1) % count;
      files.push({
        path: `m${i}.ts`,
        text: [
          `import { relay${next} } from './m${next}.js';`,
          `export function relay${i}(value: string, depth: number): string {`,
          `  if (depth > 0) return relay${next}(value, depth - 1) + relay${i}(value, depth - 2);`,
          i === count - 1 ? '  console.log(value);' : '',
          '  return value;',
          '}',
        ].join('\n'),
      });
    }
    files.push({ path: 'start.ts', text: "import { relay0 } from './m0.js';\nrelay0(process.env.HF_TOKEN ?? '', 3);\n" });
    const out = analyzeFiles({ cwd: '/virtual', files });
    expect(out.stats.runs).toBeLessThanOrEqual(MAX_RUNS_PER_FILE * files.length);
    expect(out.findings.map((f) => `${f.file}:${f.line}`)).toEqual([`m${count - 1}.ts:4`]);
  });
});
