import { ruleMeta } from '@secret-hygiene/core';
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import type { RuleId } from '../rules/index.js';

type FlatConfig = TSESLint.FlatConfig.Config;

export const PLUGIN_NAMESPACE = 'secret-hygiene';
export const SOURCE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];
const TYPESCRIPT_FILES = ['**/*.{ts,mts,cts,tsx}'];

/** Each rule at the severity the rule registry gives it: one truth for ESLint, the CLI and SARIF. */
function ruleSeverities(ruleIds: readonly RuleId[]): FlatConfig['rules'] {
  return Object.fromEntries(
    ruleIds.map((id) => [`${PLUGIN_NAMESPACE}/${id}`, ruleMeta(id)?.severity === 'error' ? 'error' : 'warn']),
  );
}

export interface PluginConfigs {
  recommended: FlatConfig[];
  'recommended-type-checked': FlatConfig[];
}

/**
 * `recommended` parses JavaScript and TypeScript with typescript-eslint's parser and needs no type information.
 * `recommended-type-checked` adds the project service for TypeScript files, so the rules can prove a value is a
 * `Secret` or an `Error` from its type; JavaScript files stay untyped (they are rarely part of a tsconfig).
 */
export function createConfigs(plugin: TSESLint.FlatConfig.Plugin, ruleIds: readonly RuleId[]): PluginConfigs {
  const recommended: FlatConfig = {
    name: `${PLUGIN_NAMESPACE}/recommended`,
    files: SOURCE_FILES,
    plugins: { [PLUGIN_NAMESPACE]: plugin },
    languageOptions: {
      parser: tsParser,
      // Ignored for TypeScript files (their extension decides); lets .js files hold JSX as React projects do.
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: ruleSeverities(ruleIds),
  };
  const typeChecked: FlatConfig = {
    name: `${PLUGIN_NAMESPACE}/recommended-type-checked`,
    files: TYPESCRIPT_FILES,
    languageOptions: { parserOptions: { projectService: true } },
  };
  return { recommended: [recommended], 'recommended-type-checked': [recommended, typeChecked] };
}
