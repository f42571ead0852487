import type { CompiledCatalog, Finding, InputError } from '@secret-hygiene/core';
import type { NameLists } from '../config/project-config.js';
import type { SourceFile } from '../files/source-file.js';

/** What scanners share within one run. */
export interface ScanContext {
  /** Environment variables that config files declare as secrets; filled before the code scanners run. */
  declaredSecretEnv: Set<string>;
  /** The directory the files' paths are relative to (project loaders read tsconfig.json from disk). */
  cwd?: string;
  /** The project config's name lists (extraLoggers, extraSanitizers, …), for the code front ends. */
  names?: NameLists;
  /** The token catalog with the project config's extra formats; the shipped one when absent. */
  tokenCatalog?: CompiledCatalog;
  /** Told how many of the scanner's files are done, for the progress line. */
  progress?: (done: number, total: number) => void;
  /** An `overlaps` scanner calls this once its work runs on worker threads: the next scanner may start then. */
  started?: () => void;
}

export interface ScanOutput {
  findings: Finding[];
  errors: InputError[];
}

/**
 * One front end as the CLI drives it. `wants` decides from paths alone, so a scanner whose files are absent
 * never loads its (possibly heavy) implementation: that keeps a token-only run's start-up small.
 */
export interface Scanner {
  readonly name: string;
  /** Loads a parser or type checker; `--no-deep` switches these off. */
  readonly deep: boolean;
  /**
   * How the result cache may reuse this scanner's output: `'file'` when each file's result depends on that file
   * alone; `{ reads }` when the whole output is reused only while every file `reads` accepts is unchanged.
   * Absent: never cached.
   */
  readonly cacheGrain?: 'file' | { reads(path: string): boolean };
  /**
   * With `--shard`, it runs on every file and keeps what it reports about the shard's files: the secrets that
   * configs declare are context for every shard's code, so they must not depend on the split. Cheap scanners only.
   */
  readonly seesEveryShard?: boolean;
  /**
   * Its work runs mostly on worker threads: the scanners after it start once it says so (`context.started`) and
   * share the main thread with it, rather than leaving a core idle while it works.
   */
  readonly overlaps?: boolean;
  wants(files: readonly SourceFile[]): boolean;
  scan(files: readonly SourceFile[], context: ScanContext): Promise<ScanOutput>;
}

/**
 * `scanEach` that lets the event loop in every few files, so an overlapping scanner's workers get their next
 * batches while this one works.
 */
export async function scanEachYielding(
  scanner: string,
  files: readonly SourceFile[],
  scanOne: (file: SourceFile) => Finding[],
  progress?: ScanContext['progress'],
): Promise<ScanOutput> {
  const output: ScanOutput = { findings: [], errors: [] };
  for (let start = 0; start < files.length; start += YIELD_EVERY) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const part = scanEach(scanner, files.slice(start, start + YIELD_EVERY), scanOne, progress && ((done) => progress(start + done, files.length)));
    output.findings.push(...part.findings);
    output.errors.push(...part.errors);
  }
  return output;
}

const YIELD_EVERY = 16;

/** Runs `scanOne` on each file, turning a front end's exception on one file into an input error for that file. */
export function scanEach(
  scanner: string,
  files: readonly SourceFile[],
  scanOne: (file: SourceFile) => Finding[],
  progress?: ScanContext['progress'],
): ScanOutput {
  const output: ScanOutput = { findings: [], errors: [] };
  for (const [index, file] of files.entries()) {
    try {
      output.findings.push(...scanOne(file));
    } catch (error) {
      output.errors.push({ file: file.path, message: `${scanner} could not analyse this file: ${(error as Error).message}` });
    }
    progress?.(index + 1, files.length);
  }
  return output;
}
