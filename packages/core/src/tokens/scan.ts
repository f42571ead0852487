import { shannonEntropy } from './entropy.js';
import { hasFiller, isPlaceholderValue, looksLikeIdentifier } from './placeholder.js';
import { builtinTokenCatalog, type CompiledCatalog, type CompiledEntry } from './compile.js';
import type { Candidate } from './checks/index.js';
import { isAssignedToNonSecretName, isHashInContext, isTruncatedInContext } from './context.js';
import type { ScanOptions, TokenMatch } from './types.js';

const DEFAULT_WINDOW = 120;
// Lockfiles hold integrity hashes and resolved URLs by the thousand and never a hand-written secret.
const LOCKFILE = /(?:^|[/\\])(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|poetry\.lock|Pipfile\.lock|uv\.lock|pdm\.lock|Cargo\.lock|go\.sum|composer\.lock|Gemfile\.lock|packages\.lock\.json|flake\.lock|\.terraform\.lock\.hcl)$/i;

/**
 * Every credential the catalog recognises in `text`. A keyword prefilter decides which entries run at all;
 * where two entries claim overlapping text, the earlier (more specific) catalog entry wins.
 */
export function scanTokens(text: string, options: ScanOptions = {}, catalog: CompiledCatalog = builtinTokenCatalog()): TokenMatch[] {
  const active = activeEntries(text, catalog, options.path);
  if (active.length === 0) return [];
  const found: Found[] = [];
  for (const compiled of active) {
    for (const candidate of runEntry(compiled, text, options.path, catalog)) found.push({ entry: compiled, candidate });
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

function activeEntries(text: string, catalog: CompiledCatalog, path: string | undefined): CompiledEntry[] {
  const present = catalog.keywords.present(text);
  if (present.size === 0) return [];
  const lockfile = path !== undefined && LOCKFILE.test(path);
  const active = new Set<CompiledEntry>();
  for (const index of present) {
    for (const compiled of catalog.entriesByKeyword[index]!) {
      // In a lockfile only self-identifying formats (a provider prefix, no context needed) can be real.
      if (lockfile && (compiled.entry.near || compiled.entry.check === 'secret-name')) continue;
      active.add(compiled);
    }
  }
  return [...active].sort((a, b) => a.rank - b.rank);
}

function* runEntry(compiled: CompiledEntry, text: string, path: string | undefined, catalog: CompiledCatalog): Generator<Candidate> {
  const { entry, regex, check } = compiled;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0].length === 0) regex.lastIndex++;
    const span = match.indices?.groups?.secret ?? match.indices?.[0];
    const secret = match.groups?.secret ?? match[0];
    if (!span) continue;
    const candidate: Candidate = { start: span[0], end: span[1], secret };
    if (entry.near && !isNear(text, match.index, match.index + match[0].length, entry.near, entry.window ?? DEFAULT_WINDOW)) continue;
    const confirmed = check ? check({ text, match, candidate, path }) : [candidate];
    for (const c of confirmed) {
      if (!passesValueFilters(compiled, c.secret)) continue;
      if (isTruncatedInContext(text, c) || catalog.documented.has(c.secret) || catalog.publicPrefixes.some((p) => c.secret.startsWith(p))) continue;
      if (entry.near && !check && (isHashInContext(text, c) || isAssignedToNonSecretName(text, c))) continue;
      yield c;
    }
  }
}

/** Look-alike suppression shared by every entry: placeholders, filler runs, and the entry's entropy floor. */
function passesValueFilters(compiled: CompiledEntry, secret: string): boolean {
  const { entry } = compiled;
  if (entry.check === 'kubernetes-secret') return true; // its check judges the decoded values itself
  if (isPlaceholderValue(secret)) return false;
  if (entry.check !== 'private-key' && entry.check !== 'service-account-json' && hasFiller(secret, secret.length >= 24 ? 6 : 5)) return false;
  if (/EXAMPLE/.test(secret)) return false;
  if (!entry.check && looksLikeIdentifier(secret)) return false;
  const floor = entry.entropy ?? (secret.length >= 20 ? 3 : 0);
  return floor === 0 || shannonEntropy(secret) >= floor;
}

function isNear(text: string, start: number, end: number, words: readonly string[], window: number): boolean {
  const around = text.slice(Math.max(0, start - window), Math.min(text.length, end + window)).toLowerCase();
  return words.some((w) => around.includes(w));
}
