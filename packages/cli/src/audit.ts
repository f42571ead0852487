import type { Finding, InputError } from '@secret-hygiene/core';
import type { ProjectConfig } from './config/project-config.js';
import type { PathFilter } from './files/ignore-paths.js';
import { type CollectedFiles, DEFAULT_MAX_FILE_SIZE, type SkipCounts, type SourceFile } from './files/source-file.js';
import { applyRuleSeverities, dedupe, settleFindings } from './postprocess.js';
import { SCANNERS } from './scanners/registry.js';
import type { ScanContext, Scanner } from './scanners/scanner.js';
import { scrubFinding, scrubSecrets } from './scrub.js';

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
  return discoverFiles({ cwd, paths: paths.length === 0 ? ['.'] : paths, maxFileSize, exclude });
}

/**
 * Runs the scanners that apply to the files. A scanner's crash on one file is that file's input error (inside
 * the scanner); a crash of a whole scanner is a failure of the run: the others still report, and the CLI exits 2.
 */
async function runScanners(
  files: readonly SourceFile[],
  options: AuditOptions,
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
  for (const scanner of options.scanners ?? SCANNERS) {
    if (scanner.deep && options.deep === false) continue;
    if (!scanner.wants(files)) continue;
    const onProgress = options.onProgress;
    context.progress = onProgress && ((done, total) => onProgress({ stage: scanner.name, done, total }));
    try {
      const output = await scanner.scan(files, context);
      findings.push(...output.findings);
      errors.push(...output.errors);
    } catch (error) {
      failures.push(`${scanner.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { findings, errors, failures };
}

/** Discovers (or reads staged) files, runs every front end that applies, and settles the findings. */
export async function audit(options: AuditOptions = {}): Promise<AuditResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const collected = await collect(options, cwd, maxFileSize);
  const scanned = await runScanners(collected.files, options);
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
    },
    sources: new Map(collected.files.map((file) => [file.path, file.text])),
    unsuppressed,
    failures: scanned.failures.map(scrubSecrets),
  };
}
