// Every JavaScript and TypeScript fixture through ESLint with the recommended config: the plugin must report exactly
// the `$ Alert[...]` annotations of its five rule ids (known misses, `$ MISSING: Alert[...]`, are not required).
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-secret-hygiene';
import { compareWithAnnotations } from './support/expectations.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_GLOBS = ['fixtures/**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
// Whole-program fixtures: their flows cross files, and ESLint sees one file at a time. A finding ESLint cannot
// reach there is not a failure; a finding it reports that is not annotated still is.
const CROSS_FILE_DIR = 'fixtures/analyzer/';

async function lintFixtures(): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    // Fixture projects carry their own eslint.config.js; the recommended config is what is under test here.
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs.recommended],
    errorOnUnmatchedPattern: false,
  });
  return eslint.lintFiles(FIXTURE_GLOBS);
}

describe('fixtures through ESLint (recommended config)', () => {
  it('reports exactly the annotated findings', async () => {
    const results = await lintFixtures();
    expect(results.length).toBeGreaterThan(0);
    const { missing, extra, fatal } = compareWithAnnotations(ROOT, results);
    expect({ missing: missing.filter((key) => !key.startsWith(CROSS_FILE_DIR)), extra, fatal }).toEqual({
      missing: [],
      extra: [],
      fatal: [],
    });
  });
});
