import { type Dirent, existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CACHE_DIR_NAME } from '../cache/store.js';
import { UsageError } from '../usage-error.js';
import { GitignoreRules } from './gitignore.js';
import type { PathFilter } from './ignore-paths.js';
import { displayPath, findGitRoot } from './paths.js';
import { admitBytes, type CollectedFiles, emptySkipCounts, sizeLimitFor, sortByPath } from './source-file.js';

/** Directories that hold no code of the project's own; never entered. */
const EXCLUDED_DIRECTORIES = new Set(['.git', 'node_modules']);
/** A Python virtual environment (the node_modules of Python) has this file at its root, whatever its name. */
const VIRTUALENV_MARKER = 'pyvenv.cfg';

export interface DiscoveryOptions {
  cwd: string;
  /** Files and directories to scan, relative to `cwd` or absolute. */
  paths: string[];
  maxFileSize: number;
  /** The config's `ignorePaths`: matching files and directories are skipped like ignored ones. */
  exclude?: PathFilter;
  /** The result cache's folder, never scanned (nor is any folder named like the default one), nor counted. */
  cacheDir?: string | undefined;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ELOOP':
      return 'symbolic link loop; not scanned';
    case 'ENOENT':
      return 'broken symbolic link or vanished file; not scanned';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; not scanned';
    default:
      return `cannot read (${code ?? (error as Error).message}); not scanned`;
  }
}

/**
 * Every text file under the given paths, in path order. Walks directories itself (sync calls: for the small
 * trees of a pre-commit run that is the fastest start), follows symbolic links but enters each real directory
 * once, and honours `.gitignore` files. Files named explicitly are scanned even when ignored.
 */
export function discoverFiles(options: DiscoveryOptions): CollectedFiles {
  const collected: CollectedFiles = { files: [], errors: [], skipped: emptySkipCounts() };
  const seenReal = new Set<string>();
  const candidates: string[] = [];
  const cacheDir = options.cacheDir === undefined ? undefined : resolve(options.cwd, options.cacheDir);

  const stat = (absolute: string): Stats | undefined => {
    try {
      return statSync(absolute);
    } catch (error) {
      collected.errors.push({ file: displayPath(options.cwd, absolute), message: describeFsError(error) });
      return undefined;
    }
  };
  /** Marks a real path as visited; false when it was already (a link back up the tree, or a second name). */
  const firstVisit = (real: string): boolean => {
    if (seenReal.has(real)) return false;
    seenReal.add(real);
    return true;
  };
  const realPath = (absolute: string): string | undefined => {
    try {
      return realpathSync.native(absolute);
    } catch (error) {
      collected.errors.push({ file: displayPath(options.cwd, absolute), message: describeFsError(error) });
      return undefined;
    }
  };

  /** Links are followed after every plain entry, so a file or directory is reported under its own name. */
  const links: Array<{ absolute: string; rules: GitignoreRules }> = [];

  const visit = (absolute: string, real: string, isDirectory: boolean, rules: GitignoreRules): void => {
    if (rules.ignores(absolute, isDirectory) || options.exclude?.(absolute, isDirectory)) {
      collected.skipped.skippedIgnored++;
      return;
    }
    if (!firstVisit(real)) return;
    if (isDirectory && existsSync(join(absolute, VIRTUALENV_MARKER))) {
      collected.skipped.skippedExcluded++;
      return;
    }
    if (isDirectory) walk(absolute, real, rules);
    else candidates.push(absolute);
  };

  // `realDir` is where `dir` really is: entries that are not links live there too, which spares a realpath call
  // per file.
  const walk = (dir: string, realDir: string, rules: GitignoreRules): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      collected.errors.push({ file: displayPath(options.cwd, dir), message: describeFsError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      if (entry.name === DEFAULT_CACHE_DIR_NAME || absolute === cacheDir) continue;
      if (EXCLUDED_DIRECTORIES.has(entry.name)) collected.skipped.skippedExcluded++;
      else if (entry.isSymbolicLink()) links.push({ absolute, rules });
      else if (entry.isDirectory() || entry.isFile()) visit(absolute, join(realDir, entry.name), entry.isDirectory(), rules);
      // sockets, FIFOs and devices are never read: reading them could block
    }
  };

  const followLink = (absolute: string, rules: GitignoreRules): void => {
    const target = stat(absolute);
    if (!target || (!target.isDirectory() && !target.isFile())) return;
    const real = realPath(absolute);
    if (real !== undefined) visit(absolute, real, target.isDirectory(), rules);
  };

  for (const given of options.paths) {
    const absolute = resolve(options.cwd, given);
    let target: Stats;
    try {
      target = statSync(absolute);
    } catch {
      throw new UsageError(`path not found: ${given}`);
    }
    const real = realPath(absolute);
    if (real === undefined || !firstVisit(real)) continue;
    if (target.isDirectory()) walk(absolute, real, new GitignoreRules(findGitRoot(absolute) ?? absolute));
    else if (target.isFile()) candidates.push(absolute);
    else throw new UsageError(`not a file or directory: ${given}`);
  }
  for (let next = links.shift(); next !== undefined; next = links.shift()) followLink(next.absolute, next.rules);

  for (const absolute of candidates) readCandidate(absolute, options, collected);
  sortByPath(collected.files);
  return collected;
}

function readCandidate(absolute: string, options: DiscoveryOptions, collected: CollectedFiles): void {
  const path = displayPath(options.cwd, absolute);
  let size: number;
  let bytes: Buffer;
  try {
    size = statSync(absolute).size;
    if (size > sizeLimitFor(path, options.maxFileSize)) {
      collected.skipped.skippedOversized++;
      return;
    }
    bytes = readFileSync(absolute);
  } catch (error) {
    collected.errors.push({ file: path, message: describeFsError(error) });
    return;
  }
  admitBytes(path, bytes, options.maxFileSize, collected);
}

