import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogError, parseYamlText, RULES, validateCatalogDocument } from '@secret-hygiene/core';
import { type ConfigFile, ConfigError, type ProjectConfig } from './project-config.js';
import { tokenCatalogWith } from './token-formats.js';

/** A published package carries its own copy in `schema/`; in the repository the file lives in rules/schema/. */
function schemaPath(): string {
  const packaged = fileURLToPath(new URL('../../schema/secret-audit-config.schema.json', import.meta.url));
  return existsSync(packaged) ? packaged : fileURLToPath(new URL('../../../../rules/schema/secret-audit-config.schema.json', import.meta.url));
}

function parse(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!file.endsWith('.json')) return parseYamlText(shown, text) ?? {}; // an empty YAML file is an empty config
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
export function loadProjectConfig(file: string, cwd: string): ProjectConfig {
  const shown = relative(cwd, file) || file;
  let config: ConfigFile;
  try {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
    config = validateCatalogDocument(shown, parse(file, shown), schema) as ConfigFile;
  } catch (error) {
    if (error instanceof CatalogError) throw new ConfigError(error.message);
    throw error;
  }
  const known = new Set(RULES().map((rule) => rule.id));
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${shown}: rules > ${id}: no such rule (known: ${[...known].join(', ')})`);
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
  };
}
