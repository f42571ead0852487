// no-hardcoded-secret listens to literals only in files that may give one a secret name (mayNameALiteral): the
// check must never skip a file where a literal has such a name, or the rule would miss what the name reveals.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { defaultNameClassifier } from '@secret-hygiene/core';
import { mayNameALiteral } from '../../packages/eslint-plugin/src/rules/no-hardcoded-secret.js';
import { basicAuthPassword, contextualName } from '../../packages/eslint-plugin/src/rules/literal-context.js';
import { loadCases } from './support/cases.js';

const names = defaultNameClassifier();
const FIXTURE_DIRS = ['../../fixtures/tokens/', '../../fixtures/flow/', '../../fixtures/eslint-project/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

interface Probe {
  checked: boolean;
  named: string[];
}

/** Lints `code` with a rule that records the check's verdict and every literal a secret name or basic auth names. */
function probe(code: string, filename: string): Probe {
  const result: Probe = { checked: false, named: [] };
  const rule = {
    create(context: TSESLint.RuleContext<string, []>) {
      result.checked = mayNameALiteral(context.sourceCode, names);
      const note = (node: TSESTree.Node, value: string) => {
        const name = contextualName(node);
        if ((name !== undefined && names.classify(name) !== 'no' && value.trim() !== '') || basicAuthPassword(node, value) !== undefined) result.named.push(value);
      };
      return {
        Literal(node: TSESTree.Literal) {
          if (typeof node.value === 'string') note(node, node.value);
        },
        TemplateLiteral(node: TSESTree.TemplateLiteral) {
          if (node.expressions.length === 0) note(node, node.quasis[0]!.value.cooked ?? node.quasis[0]!.value.raw);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        plugins: { probe: { rules: { literals: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'probe/literals': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.ruleId !== 'probe/literals')).toEqual([]);
  return result;
}

const cases = (['valid', 'invalid'] as const).flatMap((kind) =>
  loadCases('no-hardcoded-secret')[kind].map((c, i): [string, string, string] => [`${kind} #${i + 1}: ${c.name ?? c.code.slice(0, 60)}`, c.code, c.filename ?? 'file.ts']),
);
const fixtures = FIXTURE_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.[cm]?[jt]sx?$/.test(f)).map((f) => join(dir, f)));

describe('mayNameALiteral', () => {
  it.each(cases)('never skips a case with a named literal: %s', (_, code, filename) => {
    const { checked, named } = probe(code, filename);
    if (!checked) expect(named).toEqual([]);
  });

  it.each(fixtures)('never skips a fixture with a named literal: %s', (file) => {
    const { checked, named } = probe(readFileSync(file, 'utf8'), file);
    if (!checked) expect(named).toEqual([]);
  });

  it('the probe sees named literals (the checks above are not vacuous)', () => {
    expect(cases.filter(([, code, filename]) => probe(code, filename).named.length > 0).length).toBeGreaterThan(5);
  });

  it('skips files that name no secret, keeps those that may', () => {
    expect(probe("const greeting = 'hello world';\nexport const list = ['a', 'b'];", 'file.ts').checked).toBe(false);
    expect(probe("const apiKey = 'x';", 'file.ts').checked).toBe(true);
    expect(probe("headers.set('X-Api-Key', value);", 'file.ts').checked).toBe(true);
    expect(probe("const pairs = [['Authorization', value]];", 'file.ts').checked).toBe(true);
    expect(probe("const o = { ['client_secret']: value };", 'file.ts').checked).toBe(true);
    expect(probe("const header = 'Basic ' + btoa('deploy:hunter2hunter2');", 'file.ts').checked).toBe(true);
    expect(probe("const sig = createHmac('sha256', 'abc').digest('hex');", 'file.ts').checked).toBe(true);
    expect(probe("const o = { '\\u0061piKey': value };", 'file.ts').checked).toBe(true);
  });
});
