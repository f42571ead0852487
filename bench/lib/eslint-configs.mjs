// Flat config files for the ESLint section, written to bench/.work/eslint/ so each side runs the same ESLint.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeIfChanged } from './files.mjs';
import { PEERS_DIR, REPO_ROOT, WORK_DIR, packageDist } from './paths.mjs';

const ESLINT_WORK = path.join(WORK_DIR, 'eslint');

// Every variant shares this head: the TypeScript parser on TypeScript files, and no noise from stale
// eslint-disable comments in the SDK sources. The parser is the very module the plugin's recommended config
// names (same version as the peers' pin), so no row loads a second copy of typescript-eslint and TypeScript.
const HEAD = `import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(path.join(PEERS_DIR, 'package.json'))});
const parser = createRequire(${JSON.stringify(path.join(REPO_ROOT, 'packages', 'eslint-plugin', 'package.json'))})('@typescript-eslint/parser');
const base = {
  files: ['**/*.ts', '**/*.mts', '**/*.cts'],
  languageOptions: { parser, sourceType: 'module' },
  linterOptions: { reportUnusedDisableDirectives: 'off' },
};
`;

const VARIANTS = {
  baseline: `${HEAD}export default [base];\n`,
  'secret-hygiene': `${HEAD}const loaded = await import(${JSON.stringify(pathToFileURL(packageDist('eslint-plugin')).href)});
const plugin = loaded.default ?? loaded;
export default [base, ...[].concat(plugin.configs.recommended)];\n`,
  'no-secrets': `${HEAD}const noSecrets = require('eslint-plugin-no-secrets');
export default [base, { plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } }];\n`,
  sdl: `${HEAD}const sdl = require('@microsoft/eslint-plugin-sdl');
export default [base, ...sdl.configs.recommended];\n`,
  // What any enabled rule costs before it does anything: the floor every plugin starts from.
  'one-idle-rule': `${HEAD}const idle = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
export default [base, { plugins: { bench: { rules: { idle } } }, rules: { 'bench/idle': 'error' } }];\n`,
};

/** Writes every variant and returns { variant: absolute config path }. */
export function writeEslintConfigs() {
  mkdirSync(ESLINT_WORK, { recursive: true });
  const files = {};
  for (const [name, text] of Object.entries(VARIANTS)) {
    files[name] = path.join(ESLINT_WORK, `${name}.config.mjs`);
    writeIfChanged(files[name], text);
  }
  return files;
}
