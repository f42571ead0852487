import type { ESLint, Rule } from 'eslint';
import { createConfigs, type PluginConfigs } from './configs/recommended.js';
import { packageMeta } from './package-meta.js';
import { rules as ruleModules, type RuleId } from './rules/index.js';

export type { FlowOptions } from '@secret-hygiene/flow';
export { SETTINGS_KEY } from './flow/options.js';
export type { PluginConfigs, RuleId };

/**
 * The plugin as ESLint's own types describe it, so a typed `eslint.config.ts` accepts it in `plugins` and its
 * configs in `defineConfig`. (The rules are built with typescript-eslint's stricter context type; at run time the
 * two are the same object shape.)
 */
export interface SecretHygienePlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<RuleId, Rule.RuleModule>;
  configs: PluginConfigs;
}

const plugin: SecretHygienePlugin = {
  meta: packageMeta,
  rules: ruleModules as unknown as Record<RuleId, Rule.RuleModule>,
  configs: { recommended: [], 'recommended-type-checked': [] },
};

// The configs name the plugin object itself, so they are attached once it exists.
plugin.configs = createConfigs(plugin, Object.keys(ruleModules) as RuleId[]);

export const { meta, rules, configs } = plugin;
export default plugin;
