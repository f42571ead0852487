import {
  CatalogError,
  catalogDocument,
  compileCatalog,
  type CompiledCatalog,
  type TokenCatalog,
  type TokenEntry,
} from '@secret-hygiene/core';
import { ConfigError, type TokenFormat } from './project-config.js';

/** An input this long is scanned in well under a millisecond by a linear pattern. */
const MAX_PROBE_LENGTH = 20_000;
/** One probe run over this is super-linear backtracking (a linear pattern is a hundred times faster). */
const PROBE_BUDGET_MS = 50;
const FILLERS = ['a', 'A1', '0', ' ', '\t ', '=', '=:', '-', '_', '\n', '/+'];

/**
 * The shipped token catalog with the project's formats added after it (on overlapping matches a shipped, more
 * specific format wins). Each added pattern must compile, not match the empty string, keep its id distinct and
 * run in linear time: the same bar the shipped patterns pass at build time and in the regex safety tests.
 */
export function tokenCatalogWith(formats: readonly TokenFormat[], file: string): CompiledCatalog {
  const shipped = catalogDocument<TokenCatalog>('tokens');
  const taken = new Set(shipped.tokens.map((t) => t.id));
  const entries = formats.map(toEntry);
  entries.forEach((entry, index) => {
    const where = `extraTokens > entry ${index} (${entry.id})`;
    if (taken.has(entry.id)) throw new ConfigError(`${file}: ${where}: the id is already used by a built-in token format`);
    try {
      compileCatalog({ tokens: [entry] }, file); // compiles eagerly: a bad pattern fails here, named
    } catch (error) {
      throw new ConfigError(`${file}: ${where}: ${error instanceof CatalogError ? error.reason : (error as Error).message}`);
    }
    const slow = superLinearInput(entry);
    if (slow) throw new ConfigError(`${file}: ${where}: the pattern backtracks super-linearly (slow on ${slow}); rewrite it without nested or overlapping repeats`);
    taken.add(entry.id);
  });
  return compileCatalog({ ...shipped, tokens: [...shipped.tokens, ...entries] }, file, { lazyRegexes: true });
}

function toEntry(format: TokenFormat): TokenEntry {
  return {
    id: format.id,
    provider: format.provider ?? format.id,
    description: format.description,
    pattern: format.pattern,
    keywords: format.keywords,
    examples: { match: [] },
    ...(format.flags ? { flags: format.flags } : {}),
    ...(format.severity ? { severity: format.severity } : {}),
  };
}

/** Lengths that grow slowly at first (an exponential pattern explodes within a few characters), then double. */
function probeLengths(): number[] {
  const lengths: number[] = [];
  for (let n = 8; n <= 48; n += 2) lengths.push(n);
  for (let n = 96; n <= MAX_PROBE_LENGTH; n *= 2) lengths.push(n);
  return [...lengths, MAX_PROBE_LENGTH];
}

/**
 * Times the pattern on inputs built to make backtracking slow (a keyword, then one character class repeated, then
 * a character that breaks the match) at growing lengths. Returns a description of the first slow input, if any.
 */
function superLinearInput(entry: TokenEntry): string | undefined {
  const regex = new RegExp(entry.pattern, `g${entry.flags ?? ''}`);
  for (const length of probeLengths()) {
    for (const seed of ['', ...entry.keywords]) {
      for (const filler of FILLERS) {
        const input = seed + filler.repeat(Math.ceil(length / filler.length)).slice(0, length) + '\u0000';
        regex.lastIndex = 0;
        const started = performance.now();
        for (let match = regex.exec(input); match; match = regex.exec(input)) if (match[0] === '') regex.lastIndex++;
        if (performance.now() - started > PROBE_BUDGET_MS) return `${length} repeats of ${JSON.stringify(filler)}`;
      }
    }
  }
  return undefined;
}
