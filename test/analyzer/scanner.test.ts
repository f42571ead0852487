// The CLI's analyzer scanner: whole-program findings when the analyzer works, the per-file engine for any script
// it did not cover (and for all of them if it fails outright), never both for one file.
import { describe, expect, it, vi } from 'vitest';

const failing = vi.hoisted(() => ({ on: false, uncovered: [] as string[] }));

vi.mock('@secret-hygiene/analyzer', async (importOriginal) => {
  const analyzer = await importOriginal<typeof import('@secret-hygiene/analyzer')>();
  return {
    ...analyzer,
    analyzeFiles: ((input) => {
      if (failing.on) throw new Error('no compiler for the test');
      const out = analyzer.analyzeFiles(input);
      for (const path of failing.uncovered) out.covered.delete(path);
      return out;
    }) satisfies typeof analyzer.analyzeFiles,
  };
});

const { analyzerScanner } = await import('../../packages/cli/src/scanners/analyzer.js');

const files = [
  { path: 'env.ts', text: 'export const settings = { key: process.env.OPENAI_API_KEY };\nconsole.log(process.env.HF_TOKEN);\n' },
  { path: 'main.ts', text: "import { settings } from './env.js';\nconsole.log(settings);\n" },
  { path: 'README.md', text: '# demo\n' },
];
const context = () => ({ declaredSecretEnv: new Set<string>(), cwd: '/virtual' });
const keys = (findings: Array<{ file: string; line: number }>) => findings.map((f) => `${f.file}:${f.line}`).sort();

describe('analyzer scanner', () => {
  it('wants scripts only', () => {
    expect(analyzerScanner.wants([{ path: 'README.md', text: '' }])).toBe(false);
    expect(analyzerScanner.wants(files)).toBe(true);
  });

  it('reports whole-program findings once per file', async () => {
    const out = await analyzerScanner.scan(files, context());
    expect(out.errors).toEqual([]);
    expect(keys(out.findings)).toEqual(['env.ts:2', 'main.ts:2']);
  });

  it('analyses a script the analyzer did not cover file by file', async () => {
    failing.uncovered = ['env.ts'];
    const out = await analyzerScanner.scan(files, context());
    failing.uncovered = [];
    expect(keys(out.findings)).toEqual(['env.ts:2', 'main.ts:2']);
  });

  it('falls back to the per-file engine when the analyzer fails, with an error that says so', async () => {
    failing.on = true;
    const out = await analyzerScanner.scan(files, context());
    failing.on = false;
    expect(keys(out.findings)).toEqual(['env.ts:2']);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.message).toMatch(/one file at a time/);
  });
});
