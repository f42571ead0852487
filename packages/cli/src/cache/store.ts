import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, InputError } from '@secret-hygiene/core';

/** One scanner's output for one key: findings and input errors as the report shows them (redacted). */
export interface CachedOutput {
  findings: Finding[];
  errors: InputError[];
  /** Secret environment variable names the scanner declared for the scanners after it (config files). */
  declared: string[];
}

/** The cache directory's name when `--cache-dir` is not given; discovery never enters a folder of this name. */
export const DEFAULT_CACHE_DIR_NAME = '.secret-audit-cache';
const FILE_NAME = 'results-v1.json';
const FORMAT = 'secret-audit-cache/1';
// https://bford.info/cachedir/: backup tools skip a folder holding this file.
const CACHEDIR_TAG = 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by secret-audit.\n';

function isOutput(value: unknown): value is CachedOutput {
  const v = value as CachedOutput;
  return typeof v === 'object' && v !== null && Array.isArray(v.findings) && Array.isArray(v.errors) && Array.isArray(v.declared);
}

/**
 * The results of earlier runs by key. Anything unreadable (missing, corrupt, another version's layout) counts
 * as empty. Saving keeps only the entries this run used, so the file never outgrows one run's results.
 */
export class ResultCache {
  hits = 0;
  misses = 0;
  private readonly used = new Map<string, CachedOutput>();

  private constructor(
    readonly dir: string,
    private readonly previous: Record<string, unknown>,
  ) {}

  static open(dir: string): ResultCache {
    let entries: Record<string, unknown> = {};
    try {
      const document = JSON.parse(readFileSync(join(dir, FILE_NAME), 'utf8')) as { format?: unknown; entries?: unknown };
      if (document.format === FORMAT && typeof document.entries === 'object' && document.entries !== null) {
        entries = document.entries as Record<string, unknown>;
      }
    } catch {
      // no cache yet, or one we cannot read: start empty
    }
    return new ResultCache(dir, entries);
  }

  get(key: string): CachedOutput | undefined {
    const found = this.used.get(key) ?? (Object.hasOwn(this.previous, key) ? this.previous[key] : undefined);
    if (!isOutput(found)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.set(key, found);
    return found;
  }

  put(key: string, output: CachedOutput): void {
    this.used.set(key, output);
  }

  /** Writes atomically (temporary file, then rename); a cache that cannot be written is skipped silently. */
  save(): void {
    const temporary = join(this.dir, `${FILE_NAME}.${process.pid}.${Date.now()}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      // Never shown by `git status`, never backed up.
      writeFileSync(join(this.dir, '.gitignore'), '*\n');
      writeFileSync(join(this.dir, 'CACHEDIR.TAG'), CACHEDIR_TAG);
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.used) }));
      renameSync(temporary, join(this.dir, FILE_NAME));
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // an unwritable folder leaves nothing behind to remove
      }
    }
  }
}
