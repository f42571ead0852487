import { CatalogError } from '../catalog/errors.js';
import { catalogDocument } from '../catalog/builtin.js';
import { CHECKS, QUICK_TESTS, type Check } from './checks/index.js';
import { KeywordSet } from './prefilter.js';
import type { TokenCatalog, TokenEntry } from './types.js';

const CATALOG_FILE = 'rules/tokens.yaml';

/** A catalog entry ready to run: its regex compiled once, its check resolved. */
export interface CompiledEntry {
  entry: TokenEntry;
  regex: RegExp;
  /** For `anchored` entries: the same pattern, sticky, run only where one of its keywords starts. */
  anchoredRegex: RegExp | undefined;
  check: Check | undefined;
  /** For anchored entries: a cheap test at a keyword position that must pass before the pattern runs there. */
  quickTest: ((text: string, at: number) => boolean) | undefined;
  /** Position in the catalog: on overlapping matches the earlier (more specific) entry wins. */
  rank: number;
}

export interface CompiledCatalog {
  entries: CompiledEntry[];
  /** The prefilter over every keyword and `near` word; near words also report their positions. */
  keywords: KeywordSet;
  keywordIndex: Map<string, number>;
  /** For each keyword index, the entries it switches on. */
  entriesByKeyword: CompiledEntry[][];
  /** Sample credentials published in providers' documentation: never reported. */
  documented: Set<string>;
  publicPrefixes: string[];
}

/**
 * Compiles every entry, failing with the file, the entry and the reason when one does not hold up
 * (a regex that does not compile, a structural entry without a check, a keyword that is not lower case).
 */
export function compileCatalog(catalog: TokenCatalog, file = CATALOG_FILE, options: { lazyRegexes?: boolean } = {}): CompiledCatalog {
  const seen = new Set<string>();
  const keywordIndex = new Map<string, number>();
  const entriesByKeyword: CompiledEntry[][] = [];
  const tracked = new Set<number>();
  const entries = catalog.tokens.map((entry, rank) => {
    if (seen.has(entry.id)) throw new CatalogError(file, entry.id, 'duplicate id');
    seen.add(entry.id);
    const compiled: CompiledEntry = options.lazyRegexes
      ? lazyEntry(entry, file, rank)
      : {
          entry,
          regex: compileRegex(entry, file, 'g'),
          anchoredRegex: entry.anchored ? compileRegex(entry, file, 'y') : undefined,
          check: resolveCheck(entry, file),
          quickTest: entry.check ? QUICK_TESTS[entry.check] : undefined,
          rank,
        };
    for (const keyword of entry.keywords) {
      if (keyword !== keyword.toLowerCase()) throw new CatalogError(file, entry.id, `keyword '${keyword}' must be lower case`);
      let index = keywordIndex.get(keyword);
      if (index === undefined) {
        index = entriesByKeyword.length;
        keywordIndex.set(keyword, index);
        entriesByKeyword.push([]);
      }
      entriesByKeyword[index]!.push(compiled);
      if (entry.anchored) tracked.add(index);
    }
    for (const word of entry.near ?? []) {
      if (word !== word.toLowerCase()) throw new CatalogError(file, entry.id, `near word '${word}' must be lower case`);
      if (!keywordIndex.has(word)) {
        keywordIndex.set(word, entriesByKeyword.length);
        entriesByKeyword.push([]);
      }
      tracked.add(keywordIndex.get(word)!);
    }
    return compiled;
  });
  return { entries, keywords: new KeywordSet([...keywordIndex.keys()], tracked), keywordIndex, entriesByKeyword, documented: new Set(catalog.documented ?? []), publicPrefixes: catalog.public ?? [] };
}

/**
 * An entry whose regexes are built on first use: most runs switch on a handful of entries, so a start-up does not
 * pay for hundreds of regexes. Only for a catalog already compiled eagerly once (the build does it for the shipped one).
 */
function lazyEntry(entry: TokenEntry, file: string, rank: number): CompiledEntry {
  let regex: RegExp | undefined;
  let anchored: RegExp | undefined;
  return {
    entry,
    get regex() {
      return (regex ??= compileRegex(entry, file, 'g'));
    },
    get anchoredRegex() {
      return entry.anchored ? (anchored ??= compileRegex(entry, file, 'y')) : undefined;
    },
    check: resolveCheck(entry, file),
    quickTest: entry.check ? QUICK_TESTS[entry.check] : undefined,
    rank,
  };
}

function compileRegex(entry: TokenEntry, file: string, mode: 'g' | 'y'): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(entry.pattern, `d${mode}${entry.flags ?? ''}`);
  } catch (error) {
    throw new CatalogError(file, entry.id, `pattern does not compile: ${(error as Error).message}`);
  }
  if (regex.test('')) throw new CatalogError(file, entry.id, 'pattern matches the empty string');
  regex.lastIndex = 0;
  return regex;
}

function resolveCheck(entry: TokenEntry, file: string): Check | undefined {
  if ((entry.kind ?? 'regex') === 'regex') {
    if (entry.check) throw new CatalogError(file, entry.id, `check '${entry.check}' needs kind: structural`);
    return undefined;
  }
  const check = entry.check ? CHECKS[entry.check] : undefined;
  if (!check) throw new CatalogError(file, entry.id, `structural entry needs a known check, got '${entry.check ?? ''}'`);
  return check;
}

let shared: CompiledCatalog | undefined;

/** The shipped catalog (checked entry by entry at build time), compiled on first use and kept for the process. */
export function builtinTokenCatalog(): CompiledCatalog {
  shared ??= compileCatalog(catalogDocument<TokenCatalog>('tokens'), CATALOG_FILE, { lazyRegexes: true });
  return shared;
}
