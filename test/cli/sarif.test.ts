import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { RULES, docsUrl, type Finding } from '@secret-hygiene/core';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, formatSarif } from '../../packages/cli/src/format/sarif.js';
import type { Report } from '../../packages/cli/src/format/report.js';
import { plantedSecrets, runCli, tempTree } from '../support/cli.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../support/sarif-schema-2.1.0.json', import.meta.url)), 'utf8')) as object;
// Both packages are CommonJS with a `default` export; require gives the same objects in vitest and under tsc.
const require = createRequire(import.meta.url);
const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's language pattern is not valid in unicode mode
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], 'SARIF schema errors').toEqual([]);
  expect(ok).toBe(true);
}

const flowFinding: Finding = {
  ruleId: 'no-secret-in-log',
  severity: 'error',
  message: 'process.env.HF_TOKEN reaches console.log.',
  file: 'src/dir with space/app.ts',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 18,
  evidence: 'console.log(key)',
  fingerprint: 'abc123',
  flow: [
    { file: 'src/dir with space/app.ts', line: 1, column: 13, note: 'source: process.env.HF_TOKEN' },
    { file: 'src/dir with space/app.ts', line: 3, column: 1, note: 'sink: console.log' },
  ],
};

function report(findings: Finding[]): Report {
  return {
    findings,
    errors: [{ file: 'bad.txt', message: 'not valid UTF-8 text; the file was not scanned' }],
    stats: { files: 2, durationMs: 5, skippedBinary: 0, skippedOversized: 0, skippedIgnored: 0, skippedExcluded: 0, suppressed: 0, baselined: 0 },
    sources: new Map(),
    unsuppressed: findings,
    cwd: '/work/project',
  };
}

describe('SARIF output', () => {
  it('the vendored schema rejects a log that breaks it (the validator is live)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
  });

  it('validates against the SARIF 2.1.0 schema, with rules, regions, fingerprints and code flows', () => {
    const log = JSON.parse(formatSarif(report([flowFinding]))) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string }> } };
        results: Array<Record<string, unknown>>;
        invocations: Array<{ toolExecutionNotifications: unknown[] }>;
      }>;
    };
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES().map((r) => r.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.helpUri).toBe(docsUrl(rule.id));
    }
    const result = run.results[0]!;
    expect(result).toMatchObject({
      ruleId: 'no-secret-in-log',
      level: 'error',
      partialFingerprints: { [FINGERPRINT_KEY]: 'abc123' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/dir%20with%20space/app.ts' }, region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 18 } } }],
    });
    expect(JSON.stringify(result['codeFlows'])).toContain('source: process.env.HF_TOKEN');
    expect(run.invocations[0]!.toolExecutionNotifications).toHaveLength(1);
  });

  it('gives a finding of a rule missing from the registry its own descriptor', () => {
    const log = JSON.parse(formatSarif(report([{ ...flowFinding, ruleId: 'some-new-rule', flow: undefined }]))) as {
      runs: Array<{ results: Array<{ ruleIndex: number }>; tool: { driver: { rules: Array<{ id: string }> } } }>;
    };
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules[run.results[0]!.ruleIndex]!.id).toBe('some-new-rule');
  });

  it('the CLI writes valid SARIF for a real run', () => {
    const secrets = plantedSecrets();
    const tree = tempTree({ 'a.py': `HF = "${secrets.huggingFace}"\n`, 'b.txt': new Uint8Array([0xff, 0xfe, 0x41]) });
    try {
      const run = runCli(['--format', 'sarif', '--no-deep'], { cwd: tree.dir });
      expect(run.status).toBe(1);
      const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
      expectValid(log);
      expect(log.runs[0]!.results).toHaveLength(1);
    } finally {
      tree.cleanup();
    }
  });
});
