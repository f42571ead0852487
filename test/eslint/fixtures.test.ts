// Every JavaScript and TypeScript fixture through ESLint with the recommended config: the plugin must report exactly
// the `$ Alert[...]` annotations of its five rule ids (known misses, `$ MISSING: Alert[...]`, are not required).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-secret-hygiene';
import { compareWithAnnotations } from './support/expectations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_GLOBS = ['fixtures/**/*.{js,ts}'];

describe('fixtures through ESLint (recommended config)', () => {
  it('reports exactly the annotated findings', async () => {
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended],
      errorOnUnmatchedPattern: false,
      // Fixture projects carry their own eslint.config.js; the recommended config is what is under test here.
      ignorePatterns: ['**/node_modules/**'],
    });
    const results = await eslint.lintFiles(FIXTURE_GLOBS);
    expect(results.length).toBeGreaterThan(0);
    expect(compareWithAnnotations(ROOT, results)).toEqual({ missing: [], extra: [], fatal: [] });
  });
});
