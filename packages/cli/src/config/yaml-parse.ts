import type { YamlParse } from '@secret-hygiene/core';

/**
 * The `yaml` package's `parse`, loaded on first use through an `import()` the bundler can follow. `yaml` is
 * CommonJS: Node gives its exports by name, the bundled CLI only as the default export.
 */
export async function loadYamlParse(): Promise<YamlParse> {
  const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
  return yaml.parse ?? yaml.default!.parse;
}
