import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCatalog, bundledFile } from '@secret-hygiene/core';
import { VERSION } from '../version.js';
import { hashParts, hashText, stableJson } from './hash.js';

/** What every cached result depends on besides its inputs: a change to either invalidates the whole cache. */
export interface CacheEnvironment {
  /** The CLI's version: front ends change between releases. */
  tool: string;
  /** Hash of the shipped catalog (token patterns, sources, sinks, rules). */
  catalog: string;
}

/** The generated catalog's bytes, hashed; parsing it again would cost more than reading it. */
function catalogHash(): string {
  try {
    const core = dirname(createRequire(import.meta.url).resolve('@secret-hygiene/core/package.json'));
    return hashText(readFileSync(join(core, 'generated/catalog.json'), 'utf8'));
  } catch {
    return hashText(stableJson(builtinCatalog()));
  }
}

/**
 * The build's own id (scripts/build-id.mjs: a hash of every package's compiled code and the catalog), beside the
 * bundle or in the workspace's generated/ folder; empty when neither exists (tests running the TypeScript sources).
 */
function buildId(): string {
  const path = bundledFile(import.meta.url, 'build-id.json') ?? fileURLToPath(new URL('../../generated/build-id.json', import.meta.url));
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { id?: string }).id ?? '';
  } catch {
    return '';
  }
}

export function currentEnvironment(): CacheEnvironment {
  // The version alone does not change between commits of a checkout: the build id does.
  return { tool: `${VERSION}+${buildId()}`, catalog: catalogHash() };
}

/**
 * Options that do not change any scanner's result for given files: the file set they select is part of each
 * entry's key instead. Every other option, including ones added later, goes into the key unnamed.
 */
const NEUTRAL_OPTIONS = new Set(['cwd', 'paths', 'staged', 'shard', 'cache', 'scanners', 'onProgress', 'config']);

/**
 * The key part every entry shares: environment plus the result-affecting options, in a stable form. The project
 * config enters as what its file says, since its compiled token catalog holds regexes, which have no stable form.
 */
export function cacheSalt(options: { config?: { settings: unknown } }, environment: CacheEnvironment): string {
  const affecting = Object.fromEntries(Object.entries(options).filter(([name]) => !NEUTRAL_OPTIONS.has(name)));
  return hashParts('secret-audit-cache', stableJson(environment), stableJson(affecting), stableJson(options.config?.settings ?? null));
}
