// A consuming project enables every rule with a three-line eslint.config.js, loaded by ESLint's Node API the way a
// user's editor or CI loads it: plain Node, the plugin's compiled entry point, no TypeScript loader.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithAnnotations } from './support/expectations.js';

const PROJECT = fileURLToPath(new URL('../../fixtures/eslint-project/', import.meta.url));
const COMPILED_ENTRY = fileURLToPath(new URL('../../packages/eslint-plugin/dist/plugin.js', import.meta.url));
const HARDCODED_TOKEN = 'r8_8dKLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnF';

async function lintProject(configFile: string): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: PROJECT, overrideConfigFile: configFile });
  return eslint.lintFiles(['src']);
}

beforeAll(() => {
  // `npm test` builds first; the compiled plugin is what a consumer installs.
  if (!existsSync(COMPILED_ENTRY)) throw new Error('packages/eslint-plugin is not built: run `npm run build`');
});

describe('the compiled entry', () => {
  it('is one module holding the workspace code, which a consuming project resolves', () => {
    const resolved = createRequire(PROJECT).resolve('eslint-plugin-secret-hygiene');
    expect(realpathSync(resolved)).toBe(realpathSync(COMPILED_ENTRY));
    // One file for ESLint to load: core and flow are inside it, only the declared dependencies stay imports.
    expect(readFileSync(COMPILED_ENTRY, 'utf8')).not.toMatch(/from ["']@secret-hygiene\//);
  });
});

describe('eslint.config.js in a consuming project', () => {
  it('is three lines', () => {
    const lines = readFileSync(`${PROJECT}eslint.config.js`, 'utf8').split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join('\n')).toContain('secretHygiene.configs.recommended');
  });

  for (const configFile of ['eslint.config.js', 'eslint.typed.config.js']) {
    it(`${configFile}: reports exactly the annotated findings`, async () => {
      const results = await lintProject(configFile);
      expect(results.map((r) => r.filePath.slice(PROJECT.length)).sort()).toEqual([
        'src/client.ts',
        'src/predictor.ts',
        'src/secret.ts',
        'src/server.js',
      ]);
      expect(compareWithAnnotations(PROJECT, results)).toEqual({ missing: [], extra: [], fatal: [] });
    });

    it(`${configFile}: no message holds a secret value`, async () => {
      const results = await lintProject(configFile);
      const messages = results.flatMap((r) => r.messages.map((m) => m.message));
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(message).not.toContain(HARDCODED_TOKEN.slice(0, 8));
    });
  }

  it('the typed config gives the rules a type checker for TypeScript files only', async () => {
    const eslint = new ESLint({ cwd: PROJECT, overrideConfigFile: 'eslint.typed.config.js' });
    const ts = await eslint.calculateConfigForFile('src/predictor.ts');
    const js = await eslint.calculateConfigForFile('src/server.js');
    expect(ts.languageOptions.parserOptions.projectService).toBe(true);
    expect(js.languageOptions.parserOptions.projectService).toBeUndefined();
  });
});
