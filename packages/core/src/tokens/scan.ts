import { builtinTokenCatalog, type CompiledCatalog, type CompiledEntry } from './compile.js';
import type { Candidate } from './checks/index.js';
import { nearRegions } from './regions.js';
import type { KeywordHits } from './prefilter.js';
import { isAssignedToNonSecretName, isHashInContext, isInsideBlob, isNear, isTruncatedInContext } from './context.js';
import { passesValueFilters } from './filters.js';
import type { ScanOptions, TokenMatch } from './types.js';

const DEFAULT_WINDOW = 120;
// Lockfiles hold integrity hashes and resolved URLs by the thousand and never a hand-written secret.
const LOCKFILE = /(?:^|[/\\])(?:\.?package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|Cargo\.lock|go\.sum|composer\.lock|Gemfile\.lock|packages\.lock\.json|flake\.lock|\.terraform\.lock\.hcl)$/i;

/**
 * Every credential the catalog recognises in `text`. A keyword prefilter decides which entries run at all;
 * where two entries claim overlapping text, the earlier (more specific) catalog entry wins.
 */
export function scanTokens(text: string, options: ScanOptions = {}, catalog: CompiledCatalog = builtinTokenCatalog()): TokenMatch[] {
  const hits = catalog.keywords.scan(text);
  const active = activeEntries(hits, catalog, options.path);
  if (active.length === 0) return [];
  const found: Found[] = [];
  for (const compiled of active) {
    for (const candidate of runEntry(compiled, text, options.path, catalog, hits)) found.push({ entry: compiled, candidate });
  }
  return keepMostSpecific(found).map(({ entry: { entry }, candidate }) => ({
    detector: entry.id,
    provider: entry.provider,
    description: entry.description,
    severity: entry.severity ?? 'error',
    start: candidate.start,
    end: candidate.end,
    secret: candidate.secret,
  }));
}

type Found = { entry: CompiledEntry; candidate: Candidate };

/** Drops every match that overlaps one from an earlier (more specific) entry; returns the rest by position. */
function keepMostSpecific(found: Found[]): Found[] {
  found.sort((a, b) => a.entry.rank - b.entry.rank || a.candidate.start - b.candidate.start);
  const kept: Found[] = []; // sorted by start, pairwise disjoint
  for (const item of found) {
    const { start, end } = item.candidate;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.candidate.start < start) lo = mid + 1;
      else hi = mid;
    }
    const previous = kept[lo - 1];
    const next = kept[lo];
    if ((previous && previous.candidate.end > start) || (next && next.candidate.start < end)) continue;
    kept.splice(lo, 0, item);
  }
  return kept;
}

function activeEntries(hits: KeywordHits, catalog: CompiledCatalog, path: string | undefined): CompiledEntry[] {
  const lockfile = path !== undefined && LOCKFILE.test(path);
  const active = new Set<CompiledEntry>();
  for (const index of hits.found) {
    for (const compiled of catalog.entriesByKeyword[index]!) {
      // In a lockfile only self-identifying formats (a provider prefix, no context needed) can be real.
      if (lockfile && (compiled.entry.near || compiled.entry.check === 'secret-name')) continue;
      active.add(compiled);
    }
  }
  return [...active].sort((a, b) => a.rank - b.rank);
}

function* runEntry(compiled: CompiledEntry, text: string, path: string | undefined, catalog: CompiledCatalog, hits: KeywordHits): Generator<Candidate> {
  const { entry, check } = compiled;
  const window = entry.window ?? DEFAULT_WINDOW;
  for (const match of matchesIn(compiled, text, catalog, hits)) {
    const span = match.indices?.groups?.secret ?? match.indices?.[0];
    const secret = match.groups?.secret ?? match[0];
    if (!span) continue;
    const candidate: Candidate = { start: span[0], end: span[1], secret };
    if (entry.near && !isNear(text, match.index, match.index + match[0].length, entry.near, window)) continue;
    const confirmed = check ? check({ text, match, candidate, path }) : [candidate];
    for (const c of confirmed) {
      if (!passesValueFilters(entry, c.secret)) continue;
      if (isTruncatedInContext(text, c) || isInsideBlob(text, c) || catalog.documented.has(c.secret) || catalog.publicPrefixes.some((p) => c.secret.startsWith(p))) continue;
      if (entry.near && !check && (isHashInContext(text, c) || isAssignedToNonSecretName(text, c))) continue;
      yield c;
    }
  }
}

/**
 * The entry's regex matches, with offsets in `text`. An entry with `near` words runs only in the regions
 * around them (most prefix-less patterns would otherwise test every position of every file).
 */
function* matchesIn(compiled: CompiledEntry, text: string, catalog: CompiledCatalog, hits: KeywordHits): Generator<RegExpExecArray> {
  const { entry, regex, anchoredRegex } = compiled;
  if (entry.near && !entry.near.some((word) => hits.present[catalog.keywordIndex.get(word)!])) return;
  if (anchoredRegex) {
    yield* anchoredMatches(anchoredRegex, text, keywordStarts(entry.keywords, catalog, hits), compiled.quickTest);
    return;
  }
  const occurrences = (entry.near ?? []).map((word) => ({ at: hits.positions[catalog.keywordIndex.get(word)!] ?? [], length: word.length }));
  const regions = entry.near ? nearRegions(text, occurrences, entry.window ?? DEFAULT_WINDOW) : [[0, text.length] as [number, number]];
  for (const [start, end] of regions) {
    const part = start === 0 && end === text.length ? text : text.slice(start, end);
    regex.lastIndex = 0;
    for (let match = regex.exec(part); match; match = regex.exec(part)) {
      if (match[0].length === 0) regex.lastIndex++;
      if (start !== 0) shift(match, start);
      yield match;
    }
  }
}

/** Where any of the keywords starts, in order. */
function keywordStarts(keywords: readonly string[], catalog: CompiledCatalog, hits: KeywordHits): ArrayLike<number> {
  const lists = keywords.map((k) => hits.positions[catalog.keywordIndex.get(k)!] ?? []).filter((l) => l.length > 0);
  if (lists.length === 1) return lists[0]!;
  // A typed array sorts numerically without a comparator call per pair (thousands of `key`s in a large file).
  const starts = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    starts.set(list, at);
    at += list.length;
  }
  return starts.sort();
}

/** A sticky regex tried at each start position; a position inside the previous match is skipped. */
function* anchoredMatches(regex: RegExp, text: string, starts: ArrayLike<number>, quickTest?: (text: string, at: number) => boolean): Generator<RegExpExecArray> {
  let covered = -1;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    if (start < covered || (quickTest && !quickTest(text, start))) continue;
    regex.lastIndex = start;
    const match = regex.exec(text);
    if (!match) continue;
    covered = match.index + Math.max(1, match[0].length);
    yield match;
  }
}

/** Moves a match found in a slice to the offsets of the whole text. */
function shift(match: RegExpExecArray, offset: number): void {
  match.index += offset;
  // A named group's pair is the same array as its numbered one: move each array once.
  const pairs = new Set([...(match.indices ?? []), ...Object.values(match.indices?.groups ?? {})]);
  for (const pair of pairs) {
    if (pair) {
      pair[0] += offset;
      pair[1] += offset;
    }
  }
}
