// The ESLint rules and the analyzer share one flow engine; the analyzer only sees further. Every flow finding the
// ESLint plugin reports on the fixtures must also be an analyzer finding (same rule, file and line).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-secret-hygiene';
import { analyzeFiles } from '@secret-hygiene/analyzer';
import { ROOT, keyOf, readFolder } from './support.js';

const FLOW_RULES = new Set(['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-output', 'require-https']);

async function eslintFlowFindings(): Promise<Set<string>> {
  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [...plugin.configs.recommended], errorOnUnmatchedPattern: false });
  const keys = new Set<string>();
  for (const result of await eslint.lintFiles(['fixtures/**/*.{js,ts}'])) {
    const file = result.filePath.slice(ROOT.length).split('\\').join('/');
    for (const m of result.messages) {
      const rule = m.ruleId?.replace(/^secret-hygiene\//, '');
      if (rule && FLOW_RULES.has(rule)) keys.add(keyOf({ ruleId: rule, file, line: m.line }));
    }
  }
  return keys;
}

describe('ESLint rules and analyzer agree', () => {
  it('every ESLint flow finding on the fixtures is an analyzer finding', async () => {
    const eslint = await eslintFlowFindings();
    const files = readFolder('fixtures');
    const analyzed = analyzeFiles({ cwd: ROOT, files });
    const analyzer = new Set(analyzed.findings.map(keyOf));
    expect(eslint.size).toBeGreaterThan(10);
    expect([...eslint].filter((key) => !analyzer.has(key))).toEqual([]);
    // The analyzer covered every script itself (no per-file fallback was needed).
    const scripts = files.filter((f) => f.path.endsWith('.ts') || f.path.endsWith('.js')).map((f) => f.path);
    expect(scripts.filter((p) => !analyzed.covered.has(p))).toEqual([]);
  });
});
