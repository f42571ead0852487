// Every rule against its cases in test/eslint/cases/<rule>.yaml, through typescript-eslint's RuleTester.
import { fileURLToPath } from 'node:url';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-secret-hygiene';
import { loadCases, type RuleCase } from './support/cases.js';

const KNOWN_GAP = '[known gap] ';
const TYPED_ROOT = fileURLToPath(new URL('./typed/', import.meta.url));

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
// A case marked knownGap is an expected failure: it turns red the day the engine handles it, so the mark goes.
RuleTester.it = (name: string, fn: () => void) => (name.startsWith(KNOWN_GAP) ? it.fails(name, fn) : it(name, fn));

const untyped = new RuleTester();
const typed = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: TYPED_ROOT } },
});

type Options = readonly unknown[];
type Rule = TSESLint.RuleModule<string, Options>;

const FLOW_RULES = ['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-output', 'require-https'] as const;
const ALL_RULES = [...FLOW_RULES, 'no-hardcoded-secret'] as const;
const DEFAULT_MESSAGE: Record<string, string> = {
  'no-secret-in-log': 'secretLeak',
  'no-secret-in-error': 'secretLeak',
  'no-secret-in-output': 'secretLeak',
  'require-https': 'plainHttp',
  'no-hardcoded-secret': 'hardcodedSecret',
};

function title(kind: string, index: number, c: RuleCase): string {
  const label = c.name ?? c.code.trim().split('\n').join(' ⏎ ');
  return `${c.knownGap ? KNOWN_GAP : ''}${kind} #${index + 1}: ${label}`;
}

function filenameOf(c: RuleCase): string | undefined {
  if (c.typed) return `${TYPED_ROOT}${/\.[jt]sx$/.test(c.filename ?? '') ? 'react.tsx' : 'file.ts'}`;
  return c.filename;
}

function common(kind: string, index: number, c: RuleCase) {
  const filename = filenameOf(c);
  return {
    name: title(kind, index, c),
    code: c.code,
    ...(filename ? { filename } : {}),
    ...(c.options ? { options: [c.options] } : {}),
    ...(c.settings ? { settings: c.settings } : {}),
  };
}

function toValid(c: RuleCase, index: number): ValidTestCase<Options> {
  return common('valid', index, c);
}

function toInvalid(ruleId: string, c: RuleCase, index: number): InvalidTestCase<string, Options> {
  return {
    ...common('invalid', index, c),
    errors: (c.errors ?? []).map((e) => ({
      messageId: e.messageId ?? DEFAULT_MESSAGE[ruleId] ?? '',
      line: e.line,
      ...(e.column ? { column: e.column } : {}),
      ...(e.data ? { data: e.data } : {}),
      // Suggestions are asserted exactly: a report that offers one must say what it produces.
      ...(ruleId === 'require-https'
        ? { suggestions: e.suggestion === undefined ? [] : [{ messageId: 'useHttps', output: e.suggestion }] }
        : {}),
    })),
  };
}

for (const ruleId of ALL_RULES) {
  const rule = plugin.rules[ruleId] as unknown as Rule;
  const cases = loadCases(ruleId);
  for (const [tester, wantTyped] of [
    [untyped, false],
    [typed, true],
  ] as const) {
    const valid = cases.valid.map((c, i) => [c, i] as const).filter(([c]) => Boolean(c.typed) === wantTyped);
    const invalid = cases.invalid.map((c, i) => [c, i] as const).filter(([c]) => Boolean(c.typed) === wantTyped);
    if (valid.length + invalid.length === 0) continue;
    tester.run(`${ruleId}${wantTyped ? ' (typed)' : ''}`, rule, {
      valid: valid.map(([c, i]) => toValid(c, i)),
      invalid: invalid.map(([c, i]) => toInvalid(ruleId, c, i)),
    });
  }
}

describe('case files', () => {
  it.each(FLOW_RULES)('%s has at least 25 invalid and 25 valid cases', (ruleId) => {
    const { valid, invalid } = loadCases(ruleId);
    expect(valid.length).toBeGreaterThanOrEqual(25);
    expect(invalid.length).toBeGreaterThanOrEqual(25);
  });

  it.each(ALL_RULES)('%s: every invalid case expects at least one report', (ruleId) => {
    const empty = loadCases(ruleId).invalid.filter((c) => (c.errors ?? []).length === 0);
    expect(empty.map((c) => c.name ?? c.code)).toEqual([]);
  });
});

/**
 * Quoted values in the code shaped like credentials: long, unbroken, letters mixed with digits. Environment
 * variable names (`'REPLICATE_API_TOKEN'`) are names, which messages may show.
 */
function credentialLikeLiterals(code: string): string[] {
  return [...code.matchAll(/(['"`])([^'"`\s$]{12,})\1/g)]
    .map((m) => m[2]!)
    .filter((v) => /[0-9]/.test(v) && /[a-z]/i.test(v) && !/^[A-Z0-9_]+$/.test(v));
}

describe('messages', () => {
  it.each(ALL_RULES)('%s: no message repeats a value written in the code', (ruleId) => {
    const linter = new Linter({ configType: 'flat' });
    const untypedCases = loadCases(ruleId).invalid.filter((c) => !c.typed);
    let checked = 0;
    for (const c of untypedCases) {
      const config = [
        ...plugin.configs.recommended,
        { rules: { [`secret-hygiene/${ruleId}`]: c.options ? ['error', c.options] : 'error' }, settings: c.settings ?? {} },
      ] as Linter.Config[];
      const messages = linter.verify(c.code, config, { filename: c.filename ?? 'file.ts' });
      for (const message of messages) {
        for (const value of credentialLikeLiterals(c.code)) expect(message.message).not.toContain(value.slice(0, 8));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('names the credential API a plain key is given to, not the key', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = "declare const jwt: { sign(p: object, k: string): string };\nexport const t = jwt.sign({ sub: 1 }, 'shhhhh');\n";
    const messages = linter.verify(code, [...plugin.configs.recommended] as Linter.Config[], { filename: 'file.ts' });
    expect(messages.map((m) => m.message)).toEqual([
      'The key or password given to jwt.sign is written into the source. Read it from the environment or a secret store, and rotate the exposed value.',
    ]);
  });
});
