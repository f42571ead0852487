import { ruleMeta } from '@secret-hygiene/core';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';
import type { RuleId } from '../rules/index.js';

export const PLUGIN_NAMESPACE = 'secret-hygiene';
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const TYPESCRIPT_FILES = ['**/*.{ts,mts,cts,tsx}'];

/** Each rule at the severity the rule registry gives it: one truth for ESLint, the CLI and SARIF. */
function ruleSeverities(ruleIds: readonly RuleId[]): Linter.RulesRecord {
  return Object.fromEntries(
    ruleIds.map((id) => [`${PLUGIN_NAMESPACE}/${id}`, ruleMeta(id)?.severity === 'error' ? 'error' : 'warn']),
  );
}

/**
 * Typed with ESLint's own config types, so `defineConfig([...configs.recommended])` type-checks for users; a type
 * alias rather than an interface, so the plugin object still fits `ESLint.Plugin['configs']`.
 */
export type PluginConfigs = {
  recommended: Linter.Config[];
  'recommended-type-checked': Linter.Config[];
};

/**
 * `recommended` parses JavaScript and TypeScript with typescript-eslint's parser and needs no type information.
 * `recommended-type-checked` adds the project service for TypeScript files, so the rules can prove a value is a
 * `Secret` or an `Error` from its type; JavaScript files stay untyped (they are rarely part of a tsconfig).
 */
export function createConfigs(plugin: ESLint.Plugin, ruleIds: readonly RuleId[]): PluginConfigs {
  const recommended: Linter.Config = {
    name: `${PLUGIN_NAMESPACE}/recommended`,
    files: SOURCE_FILES,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    languageOptions: {
      parser: tsParser as Linter.Parser,
      // Ignored for TypeScript files (their extension decides); lets .js files hold JSX as React projects do.
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: ruleSeverities(ruleIds),
  };
  const typeChecked: Linter.Config = {
    name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
    files: TYPESCRIPT_FILES,
    languageOptions: { parserOptions: { projectService: true } },
  };
  return { recommended: [recommended], 'recommended-type-checked': [recommended, typeChecked] };
}
