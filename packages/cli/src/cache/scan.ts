import type { Finding, InputError } from '@secret-hygiene/core';
import type { SourceFile } from '../files/source-file.js';
import { contractFinding } from '../format/contract-finding.js';
import type { ScanContext, ScanOutput, Scanner } from '../scanners/scanner.js';
import { scrubFinding, scrubSecrets } from '../scrub.js';
import { hashParts, hashText } from './hash.js';
import type { CachedOutput, ResultCache } from './store.js';

/** The cache of one run: where results live, the key part shared by every entry, and file hashes computed once. */
export interface RunCache {
  store: ResultCache;
  /** Tool version, catalog and result-affecting options, hashed (see `cacheSalt`). */
  salt: string;
  contentHashes: Map<string, string>;
}

/** The report's view of a finding: the contract's fields, free text scrubbed; nothing else is stored. */
function reportable(f: Finding): Finding {
  return scrubFinding(contractFinding(f));
}

function reportableOutput(output: ScanOutput): ScanOutput {
  return {
    findings: output.findings.map(reportable),
    errors: output.errors.map((e: InputError) => ({ file: e.file, message: scrubSecrets(e.message) })),
  };
}

function contentHash(cache: RunCache, file: SourceFile): string {
  let hash = cache.contentHashes.get(file.path);
  if (hash === undefined) {
    hash = hashText(file.text);
    cache.contentHashes.set(file.path, hash);
  }
  return hash;
}

/**
 * Runs one scanner through the cache, at the grain the scanner declares: per file (each file's result is
 * reused while its content is unchanged), or per run (the whole output is reused while every file it reads is
 * unchanged). Secret names declared by earlier scanners are part of every key. Outputs are made reportable
 * (scrubbed) whether cached or not, so a run gives the same report with and without the cache.
 */
export async function scanThroughCache(scanner: Scanner, files: readonly SourceFile[], context: ScanContext, cache: RunCache | undefined): Promise<ScanOutput> {
  const grain = scanner.cacheGrain;
  if (!cache || !grain) return reportableOutput(await scanner.scan(files, context));
  const declared = [...context.declaredSecretEnv].sort().join('\0');
  if (grain === 'file') return scanPerFile(scanner, files, context, cache, declared);

  const read = files.filter((file) => grain.reads(file.path));
  const key = hashParts('run', cache.salt, scanner.name, context.cwd ?? '', declared, ...read.flatMap((file) => [file.path, contentHash(cache, file)]));
  const hit = cache.store.get(key);
  if (hit) {
    for (const name of hit.declared) context.declaredSecretEnv.add(name);
    return { findings: hit.findings, errors: hit.errors };
  }
  const before = new Set(context.declaredSecretEnv);
  const output = reportableOutput(await scanner.scan(files, context));
  cache.store.put(key, { ...output, declared: [...context.declaredSecretEnv].filter((name) => !before.has(name)).sort() });
  return output;
}

async function scanPerFile(scanner: Scanner, files: readonly SourceFile[], context: ScanContext, cache: RunCache, declared: string): Promise<ScanOutput> {
  const keyOf = (file: SourceFile) => hashParts('file', cache.salt, scanner.name, declared, file.path, contentHash(cache, file));
  const output: ScanOutput = { findings: [], errors: [] };
  const missed: SourceFile[] = [];
  for (const file of files) {
    const hit = cache.store.get(keyOf(file));
    if (!hit) {
      missed.push(file);
      continue;
    }
    output.findings.push(...hit.findings);
    output.errors.push(...hit.errors);
  }
  if (missed.length === 0) return output;
  const before = context.declaredSecretEnv.size;
  const fresh = reportableOutput(await scanner.scan(missed, context));
  output.findings.push(...fresh.findings);
  output.errors.push(...fresh.errors);
  // Each file's entry holds what was reported about it; output that names no scanned file cannot be split.
  const byFile = new Map<string, CachedOutput>(missed.map((file) => [file.path, { findings: [], errors: [], declared: [] }]));
  const splittable =
    context.declaredSecretEnv.size === before &&
    fresh.findings.every((f) => byFile.get(f.file)?.findings.push(f) !== undefined) &&
    fresh.errors.every((e) => byFile.get(e.file)?.errors.push(e) !== undefined);
  if (splittable) for (const file of missed) cache.store.put(keyOf(file), byFile.get(file.path)!);
  return output;
}
