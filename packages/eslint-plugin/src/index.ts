import type { TSESLint } from '@typescript-eslint/utils';
import { createConfigs, type PluginConfigs } from './configs/recommended.js';
import { packageMeta } from './package-meta.js';
import { rules, type RuleId } from './rules/index.js';

export type { FlowOptions } from '@secret-hygiene/flow';
export { SETTINGS_KEY } from './flow/options.js';
export type { RuleId };

const ruleIds = Object.keys(rules) as RuleId[];

const plugin = {
  meta: packageMeta,
  rules,
  configs: {} as PluginConfigs,
};

// The configs name the plugin object itself, so they are attached once it exists.
plugin.configs = createConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin, ruleIds);

export const { meta, configs } = plugin;
export { rules };
export default plugin;
