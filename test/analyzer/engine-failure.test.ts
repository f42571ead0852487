// A file the engine fails on becomes an input error for that file; the rest of its program is still analysed.
import { describe, expect, it, vi } from 'vitest';

vi.mock('@secret-hygiene/flow', async (importOriginal) => {
  const flow = await importOriginal<typeof import('@secret-hygiene/flow')>();
  return {
    ...flow,
    analyzeProgramFile: ((ts, sourceFile, options) => {
      if (sourceFile.fileName.endsWith('broken.ts')) throw new Error('engine failure for the test');
      return flow.analyzeProgramFile(ts, sourceFile, options);
    }) satisfies typeof flow.analyzeProgramFile,
  };
});

const { analyzeFiles } = await import('@secret-hygiene/analyzer');

describe('engine failure on one file', () => {
  it('reports the file and keeps the other findings', () => {
    const out = analyzeFiles({
      cwd: '/virtual',
      files: [
        { path: 'broken.ts', text: 'export const x = 1;\n' },
        { path: 'env.ts', text: 'export const settings = { key: process.env.OPENAI_API_KEY };\n' },
        { path: 'main.ts', text: "import { settings } from './env.js';\nconsole.log(settings);\n" },
      ],
    });
    expect(out.errors).toEqual([{ file: 'broken.ts', message: 'the analyzer could not analyse this file (engine failure for the test)' }]);
    expect(out.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['main.ts:2']);
  });
});
