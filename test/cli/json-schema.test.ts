import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { plantedSecrets, runCli, tempTree } from '../support/cli.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../packages/cli/schema/report.schema.json', import.meta.url)), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

describe('JSON report schema', () => {
  it('describes what the CLI prints, findings and input errors included', () => {
    const secrets = plantedSecrets();
    const tree = tempTree({
      'app.ts': `const key = "${secrets.github}";\nconst t = process.env.HF_TOKEN;\nconsole.log(t);\n`,
      'bad.txt': new Uint8Array([0xc3, 0x28]),
    });
    try {
      const run = runCli(['--format', 'json'], { cwd: tree.dir });
      expect(run.status).toBe(1);
      const report = JSON.parse(run.stdout) as { findings: unknown[]; errors: unknown[] };
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report.errors).toHaveLength(1);
    } finally {
      tree.cleanup();
    }
  });

  it('rejects a report that breaks the contract', () => {
    expect(validate({ version: 1, tool: { name: 'secret-audit', version: '1.0.0' }, findings: [{ ruleId: 'x' }], errors: [], stats: { files: 0, durationMs: 0 } })).toBe(false);
    expect(validate({ version: 2, tool: { name: 'secret-audit', version: '1.0.0' }, findings: [], errors: [], stats: { files: 0, durationMs: 0 } })).toBe(false);
  });
});
