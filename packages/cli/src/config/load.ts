import { readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledFile, CatalogError, parseYamlText, RULES, schemaError, shownName } from '@secret-hygiene/core';
import { type ConfigFile, ConfigError, type ProjectConfig } from './project-config.js';
import { tokenCatalogWith } from './token-formats.js';
import { loadYamlParse } from './yaml-parse.js';

type Validate = ((data: unknown) => boolean) & { errors?: Array<NonNullable<Parameters<typeof schemaError>[2]>> | null };

/**
 * rules/schema/secret-audit-config.schema.json, compiled by the build (scripts/config-validator.mjs) into a
 * standalone module: checking a config then loads neither ajv nor its compiler.
 */
async function validator(): Promise<Validate> {
  // The bundled CLI ships the module beside its chunks; the workspace keeps it in packages/cli/generated/.
  const beside = bundledFile(import.meta.url, 'config-validator.js');
  const url = beside ? pathToFileURL(beside).href : new URL('../../generated/config-validator.js', import.meta.url).href;
  try {
    return ((await import(url)) as { default: Validate }).default;
  } catch {
    throw new Error('the config validator is not built; run npm run build');
  }
}

async function parse(file: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!file.endsWith('.json')) return parseYamlText(shown, text, await loadYamlParse()) ?? {}; // an empty YAML file is an empty config
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConfigError(`${shown}: not valid JSON`);
  }
}

/**
 * Reads, validates and compiles a project config. Every problem is a ConfigError that names the file and the key
 * (`extraTokens > entry 0 (acme-key) > pattern`), never a value from the file.
 */
export async function loadProjectConfig(file: string, cwd: string): Promise<ProjectConfig> {
  const shown = relative(cwd, file) || file;
  const validate = await validator();
  let config: ConfigFile;
  try {
    const data = await parse(file, shown);
    if (!validate(data)) throw schemaError(shown, data, validate.errors?.[0]);
    config = data as ConfigFile;
  } catch (error) {
    if (error instanceof CatalogError) throw new ConfigError(error.message);
    throw error;
  }
  const known = new Set(RULES().map((rule) => rule.id));
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${shown}: rules > ${shownName(id)}: no such rule (known: ${[...known].join(', ')})`);
  }
  const { extraLoggers, extraSanitizers, extraSecretTypes, extraSecretEnv, extraEntryPoints } = config;
  const names = Object.fromEntries(
    Object.entries({ extraLoggers, extraSanitizers, extraSecretTypes, extraSecretEnv, extraEntryPoints }).filter(([, list]) => list && list.length > 0),
  );
  return {
    file: shown,
    root: dirname(file),
    names,
    ...(config.extraTokens?.length ? { tokenCatalog: tokenCatalogWith(config.extraTokens, shown) } : {}),
    ignorePaths: config.ignorePaths ?? [],
    rules: config.rules ?? {},
    settings: config,
  };
}
