// The plugin's own wiring: configs, rule metadata, options from settings, and one flow analysis per file.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { docsUrl, ruleMeta } from '@secret-hygiene/core';

const analyze = vi.hoisted(() => ({ calls: [] as Array<{ fileName: string; text: string; options: Record<string, unknown> }> }));

vi.mock('@secret-hygiene/flow', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@secret-hygiene/flow')>();
  return {
    ...actual,
    analyzeSourceFile: (ts: never, sourceFile: { fileName: string; text: string }, options: Record<string, unknown> = {}) => {
      analyze.calls.push({ fileName: sourceFile.fileName, text: sourceFile.text, options });
      return actual.analyzeSourceFile(ts, sourceFile as never, options);
    },
  };
});

const { default: plugin } = await import('eslint-plugin-secret-hygiene');

const RULE_IDS = ['no-hardcoded-secret', 'no-secret-in-log', 'no-secret-in-error', 'no-secret-in-output', 'require-https'];
const FLOW_RULE_IDS = RULE_IDS.filter((id) => id !== 'no-hardcoded-secret');
const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

beforeEach(() => {
  analyze.calls.length = 0;
});

describe('plugin object', () => {
  it('exports meta, rules and both configs', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-secret-hygiene', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(Object.keys(plugin.rules).sort()).toEqual([...RULE_IDS].sort());
    expect(Object.keys(plugin.configs).sort()).toEqual(['recommended', 'recommended-type-checked']);
  });

  it.each(RULE_IDS)('%s: docs url, description and doc page come from the rule registry', (id) => {
    const rule = plugin.rules[id as keyof typeof plugin.rules];
    expect(rule.meta?.docs?.url).toBe(docsUrl(id));
    expect(rule.meta?.docs?.description).toBe(ruleMeta(id)?.short);
    expect(existsSync(repoFile(`rules/docs/${id}.md`))).toBe(true);
  });

  it('require-https offers suggestions; flow rules take the shared options schema', () => {
    expect(plugin.rules['require-https'].meta?.hasSuggestions).toBe(true);
    for (const id of FLOW_RULE_IDS) {
      const schema = plugin.rules[id as keyof typeof plugin.rules].meta?.schema as Array<{ properties: object }>;
      expect(Object.keys(schema[0]!.properties).sort()).toEqual(
        ['extraEntryPoints', 'extraLoggers', 'extraSanitizers', 'extraSecretEnv', 'extraSecretTypes'],
      );
    }
  });
});

describe('configs', () => {
  it('recommended: JS and TS files, the TypeScript parser, every rule at its registry severity', () => {
    const [config] = plugin.configs.recommended;
    expect(plugin.configs.recommended).toHaveLength(1);
    expect(config!.files).toEqual(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}']);
    expect(config!.plugins?.['secret-hygiene']).toBe(plugin);
    expect(config!.languageOptions?.parser).toBeDefined();
    expect(config!.rules).toEqual({
      'secret-hygiene/no-hardcoded-secret': 'error',
      'secret-hygiene/no-secret-in-log': 'error',
      'secret-hygiene/no-secret-in-error': 'error',
      'secret-hygiene/no-secret-in-output': 'error',
      'secret-hygiene/require-https': 'warn',
    });
  });

  it("fit ESLint's own config types (checked by the typecheck script) and defineConfig", () => {
    const config = defineConfig([
      ...plugin.configs['recommended-type-checked'],
      { plugins: { 'secret-hygiene': plugin }, rules: { 'secret-hygiene/no-secret-in-log': ['error', { extraLoggers: ['audit'] }] } },
    ]);
    expect(config).toHaveLength(3);
  });

  it('recommended-type-checked adds the project service for TypeScript files', () => {
    const configs = plugin.configs['recommended-type-checked'];
    expect(configs[0]).toBe(plugin.configs.recommended[0]);
    expect(configs[1]?.files).toEqual(['**/*.{ts,mts,cts,tsx}']);
    expect(configs[1]?.languageOptions?.parserOptions).toEqual({ projectService: true });
  });
});

function lintWith(config: Linter.Config[], code: string, filename: string) {
  return new Linter({ configType: 'flat' }).verify(code, config, { filename });
}

describe('one flow analysis per file', () => {
  const code = "const key = process.env.OPENAI_API_KEY;\nconsole.log(Boolean(key));\n";

  it('four flow rules share one engine run', () => {
    const messages = lintWith([...plugin.configs.recommended] as Linter.Config[], code, 'model.ts');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(analyze.calls).toHaveLength(1);
    expect(analyze.calls[0]!.text).toBe(code);
  });

  it('rule options and settings are joined before the engine sees them', () => {
    const config = [
      ...plugin.configs.recommended,
      {
        settings: { 'secret-hygiene': { extraLoggers: ['audit'], extraSecretEnv: ['WEBHOOK_URL'] } },
        rules: { 'secret-hygiene/no-secret-in-log': ['error', { extraLoggers: ['ctx.logger'] }] },
      },
    ] as Linter.Config[];
    lintWith(config, code, 'model.ts');
    const seen = analyze.calls.map((c) => c.options);
    expect(seen).toContainEqual({ extraLoggers: ['audit', 'ctx.logger'], extraSecretEnv: ['WEBHOOK_URL'] });
    expect(seen).toContainEqual({ extraLoggers: ['audit'], extraSecretEnv: ['WEBHOOK_URL'] });
  });

  it('a file parsed by another parser (espree) is parsed with TypeScript for the engine', () => {
    const config = [
      { files: ['**/*.js'], plugins: { 'secret-hygiene': plugin }, rules: { 'secret-hygiene/no-secret-in-log': 'error' } },
    ] as Linter.Config[];
    const messages = lintWith(config, code, 'model.js');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(analyze.calls).toEqual([{ fileName: 'model.js', text: code, options: {} }]);
  });
});

describe('no-hardcoded-secret messages', () => {
  it('name the kind of secret, never its value', () => {
    const token = 'hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL';
    const messages = lintWith(
      [...plugin.configs.recommended] as Linter.Config[],
      `const HF_TOKEN = '${token}';\n// ${token}\n`,
      'model.ts',
    ).filter((m) => m.ruleId === 'secret-hygiene/no-hardcoded-secret');
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.message).toMatch(/Hugging Face/);
      expect(m.message).not.toContain(token.slice(0, 8));
    }
  });
});
