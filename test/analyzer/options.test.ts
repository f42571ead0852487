// Options reach the engine in every file of the program: entry points named in configuration, secret
// environment variables that a platform config declares.
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '@secret-hygiene/analyzer';

const files = [
  { path: 'env.ts', text: 'export function webhook() {\n  return { url: process.env.WEBHOOK_URL };\n}\n' },
  { path: 'worker.ts', text: "import { webhook } from './env.js';\n\nexport function handleJob(id: string) {\n  return { id, target: webhook() };\n}\n" },
];

describe('analyzer options', () => {
  it('reports nothing when neither the function nor the variable is special', () => {
    expect(analyzeFiles({ cwd: '/virtual', files }).findings).toEqual([]);
  });

  it('treats a configured name as an entry point whose return value is output, across files', () => {
    const out = analyzeFiles({ cwd: '/virtual', files, options: { extraEntryPoints: ['handleJob'], extraSecretEnv: ['WEBHOOK_URL'] } });
    expect(out.findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`)).toEqual(['no-secret-in-output@worker.ts:4']);
    expect(out.findings[0]!.flow?.[0]).toMatchObject({ file: 'env.ts', line: 2 });
  });

  it('needs both: a declared secret returned by a function that is not an entry point is not output', () => {
    const out = analyzeFiles({ cwd: '/virtual', files, options: { extraSecretEnv: ['WEBHOOK_URL'] } });
    expect(out.findings).toEqual([]);
  });
});
