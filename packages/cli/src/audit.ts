import type { Finding, InputError } from '@secret-hygiene/core';
import { cacheSalt, type CacheEnvironment, currentEnvironment } from './cache/environment.js';
import { type RunCache, scanThroughCache } from './cache/scan.js';
import { ResultCache } from './cache/store.js';
import type { ProjectConfig } from './config/project-config.js';
import type { PathFilter } from './files/ignore-paths.js';
import { type CollectedFiles, DEFAULT_MAX_FILE_SIZE, type SkipCounts } from './files/source-file.js';
import { applyRuleSeverities, dedupe, settleFindings } from './postprocess.js';
import { SCANNERS } from './scanners/registry.js';
import type { ScanContext, Scanner } from './scanners/scanner.js';
import { scrubFinding, scrubSecrets } from './scrub.js';
import { selectShard, type Shard, type ShardFiles } from './shard.js';

export interface AuditOptions {
  /** Paths are resolved and printed relative to it; default `process.cwd()`. */
  cwd?: string;
  /** Files and directories to scan (default `.`); with `staged`, a filter on the staged paths. */
  paths?: string[];
  /** Scan git's index instead of the working tree. */
  staged?: boolean;
  /** Run the expensive front ends (flow engine, Python, analyzer); default true. */
  deep?: boolean;
  maxFileSize?: number;
  /** Replaces the built-in front ends (tests, embedders). */
  scanners?: readonly Scanner[];
  /** Reuse results of earlier runs kept in `dir` (see cache/); `environment` replaces the version and catalog hash (tests). */
  cache?: { dir: string; environment?: CacheEnvironment };
  /** Scan only this part of the files (CI matrices); see shard.ts. */
  shard?: Shard;
  /** The project config (`.secret-audit.yaml`), loaded by the caller: extra names, token formats, ignores, severities. */
  config?: ProjectConfig;
  /** Called as each front end works through its files (the CLI's progress line). */
  onProgress?: (progress: AuditProgress) => void;
}

/** `done` of the `total` files a front end (`stage`) handles are finished. */
export interface AuditProgress {
  stage: string;
  done: number;
  total: number;
}

export interface AuditStats extends SkipCounts {
  files: number;
  durationMs: number;
  suppressed: number;
  baselined: number;
  /** With the cache: scanner results reused and computed (one per file or per whole-program run). */
  cacheHits?: number;
  cacheMisses?: number;
}

export interface AuditResult {
  /** Deduplicated, suppressions applied, sorted; the baseline is applied by the caller (see `applyBaseline`). */
  findings: Finding[];
  errors: InputError[];
  stats: AuditStats;
  /** The scanned texts by path, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Every finding before suppressions: code frames redact all of their spans, suppressed or not. */
  unsuppressed: readonly Finding[];
  /** Front ends that crashed as a whole: the report is incomplete (the CLI exits 2). */
  failures: string[];
}

/** Each way of collecting files loads only its own code (the directory walk brings the gitignore matcher). */
async function collect(options: AuditOptions, cwd: string, maxFileSize: number): Promise<CollectedFiles> {
  const paths = options.paths ?? [];
  const ignorePaths = options.config?.ignorePaths ?? [];
  const exclude: PathFilter | undefined =
    ignorePaths.length > 0 ? (await import('./files/ignore-paths.js')).ignorePathsFilter(options.config!.root, ignorePaths) : undefined;
  if (options.staged) return (await import('./files/staged.js')).collectStaged({ cwd, paths, maxFileSize, exclude });
  const { discoverFiles } = await import('./files/discover.js');
  return discoverFiles({ cwd, paths: paths.length === 0 ? ['.'] : paths, maxFileSize, exclude, cacheDir: options.cache?.dir });
}

/** The cache for this run, or undefined when off or when an option has no stable form (a function). */
function openCache(options: AuditOptions): RunCache | undefined {
  if (!options.cache) return undefined;
  try {
    const salt = cacheSalt(options, options.cache.environment ?? currentEnvironment());
    return { store: ResultCache.open(options.cache.dir), salt, contentHashes: new Map() };
  } catch {
    return undefined;
  }
}

/**
 * Runs the scanners that apply to the files. A scanner's crash on one file is that file's input error (inside
 * the scanner); a crash of a whole scanner is a failure of the run: the others still report, and the CLI exits 2.
 */
async function runScanners(
  { files, everyFile, owns }: ShardFiles,
  options: AuditOptions,
  cache: RunCache | undefined,
): Promise<{ findings: Finding[]; errors: InputError[]; failures: string[] }> {
  const config = options.config;
  const context: ScanContext = {
    declaredSecretEnv: new Set(config?.names.extraSecretEnv),
    cwd: options.cwd ?? process.cwd(),
    ...(config ? { names: config.names, tokenCatalog: config.tokenCatalog } : {}),
  };
  const findings: Finding[] = [];
  const errors: InputError[] = [];
  const failures: string[] = [];
  const overlapping: Promise<void>[] = [];
  for (const scanner of options.scanners ?? SCANNERS) {
    if (scanner.deep && options.deep === false) continue;
    const input = scanner.seesEveryShard ? everyFile : files;
    if (!scanner.wants(input)) continue;
    const onProgress = options.onProgress;
    let started = (): void => {};
    const ready = new Promise<void>((resolve) => (started = resolve));
    const own: ScanContext = { ...context, progress: onProgress && ((done, total) => onProgress({ stage: scanner.name, done, total })), started };
    const run = scanThroughCache(scanner, input, own, cache)
      .then(
        (output) => {
          findings.push(...(input === files ? output.findings : output.findings.filter((f) => owns(f.file))));
          errors.push(...(input === files ? output.errors : output.errors.filter((e) => owns(e.file))));
        },
        (error: unknown) => {
          failures.push(`${scanner.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      )
      .finally(started);
    if (scanner.overlaps) {
      overlapping.push(run);
      await ready;
    } else await run;
  }
  await Promise.all(overlapping);
  return { findings, errors, failures };
}

/** Discovers (or reads staged) files, runs every front end that applies, and settles the findings. */
export async function audit(options: AuditOptions = {}): Promise<AuditResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const collected = selectShard(await collect(options, cwd, maxFileSize), options.shard);
  const cache = openCache(options);
  const scanned = await runScanners(collected, options, cache);
  cache?.store.save();
  const unsuppressed = dedupe(scanned.findings);
  const settled = settleFindings(unsuppressed, collected.files);
  if (options.config) settled.findings = applyRuleSeverities(settled.findings, options.config.rules);
  const errors = [...collected.errors, ...scanned.errors]
    .map((e) => ({ file: e.file, message: scrubSecrets(e.message) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    findings: settled.findings.map(scrubFinding),
    errors,
    stats: {
      files: collected.files.length,
      durationMs: Math.round(performance.now() - started),
      ...collected.skipped,
      suppressed: settled.suppressed,
      baselined: 0,
      ...(cache ? { cacheHits: cache.store.hits, cacheMisses: cache.store.misses } : {}),
    },
    sources: new Map(collected.files.map((file) => [file.path, file.text])),
    unsuppressed,
    failures: scanned.failures.map(scrubSecrets),
  };
}
