import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import type { PathFilter } from './ignore-paths.js';
import { displayPath, findGitRoot, isWithin } from './paths.js';
import { admitBytes, type CollectedFiles, emptySkipCounts, sortByPath } from './source-file.js';

export interface StagedOptions {
  cwd: string;
  /** When given, only staged files under these paths. */
  paths: string[];
  maxFileSize: number;
  /** The config's `ignorePaths`. */
  exclude?: PathFilter;
}

interface StagedEntry {
  /** Relative to the repository root, as git prints it. */
  path: string;
  mode: string;
  oid: string;
}

const REGULAR_FILE_MODES = new Set(['100644', '100755']);
const MAX_GIT_OUTPUT = 1 << 30;

function git(cwd: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd, maxBuffer: MAX_GIT_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Added, copied, modified and renamed paths in the index, with the staged blob of each. `--raw` gives the
 * blob id and mode on the same line as the path, so symlinks and submodules are recognised without a lookup.
 */
function stagedEntries(cwd: string): StagedEntry[] {
  const fields = git(cwd, ['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--diff-filter=ACMR'])
    .toString('utf8')
    .split('\0');
  const entries: StagedEntry[] = [];
  for (let i = 0; i < fields.length; i++) {
    const header = fields[i]!;
    if (!header.startsWith(':')) continue;
    // ":<old mode> <new mode> <old oid> <new oid> <status>" then one path (two for copies and renames).
    const [, mode, , oid, status] = header.slice(1).split(' ');
    const twoPaths = status?.startsWith('R') || status?.startsWith('C');
    const path = fields[twoPaths ? i + 2 : i + 1];
    i += twoPaths ? 2 : 1;
    if (mode && oid && path) entries.push({ path, mode, oid });
  }
  return entries;
}

/** Reads every blob through one `git cat-file --batch` process: `<oid> <type> <size>\n<content>\n` each. */
function readBlobs(cwd: string, oids: string[]): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const run = spawnSync('git', ['cat-file', '--batch'], { cwd, input: oids.join('\n') + '\n', maxBuffer: MAX_GIT_OUTPUT });
  if (run.status !== 0 || !run.stdout) throw new Error(`git cat-file failed: ${run.stderr?.toString('utf8').trim() ?? ''}`);
  const out = run.stdout;
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(0x0a, at);
    if (headerEnd === -1) break;
    const [oid, type, size] = out.subarray(at, headerEnd).toString('utf8').split(' ');
    if (type === 'missing' || size === undefined || oid === undefined) {
      at = headerEnd + 1;
      continue;
    }
    const length = Number(size);
    blobs.set(oid, out.subarray(headerEnd + 1, headerEnd + 1 + length));
    at = headerEnd + 1 + length + 1;
  }
  return blobs;
}

/**
 * Where git's paths are relative to. Looking for `.git` saves a process on the common layout; when git is
 * pointed elsewhere by the environment, or nothing is found, git itself is asked.
 */
function repositoryRoot(cwd: string): string {
  const found = process.env['GIT_DIR'] === undefined && process.env['GIT_WORK_TREE'] === undefined ? findGitRoot(cwd) : undefined;
  if (found !== undefined) return found;
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch {
    throw new UsageError('--staged needs a git repository (git rev-parse --show-toplevel failed here)');
  }
}

/** The staged content (git's index, not the working tree) of every added or changed file: for pre-commit hooks. */
export function collectStaged(options: StagedOptions): CollectedFiles {
  const top = repositoryRoot(options.cwd);
  const scopes = options.paths.map((p) => resolve(options.cwd, p));
  const collected: CollectedFiles = { files: [], errors: [], skipped: emptySkipCounts() };
  const excluded = (absolute: string): boolean => {
    const skip = options.exclude?.(absolute, false) ?? false;
    if (skip) collected.skipped.skippedIgnored++;
    return skip;
  };
  const entries = stagedEntries(options.cwd)
    .map((entry) => ({ ...entry, absolute: resolve(top, entry.path) }))
    .filter((entry) => scopes.length === 0 || scopes.some((scope) => isWithin(scope, entry.absolute)))
    .filter((entry) => REGULAR_FILE_MODES.has(entry.mode)) // symlinks hold a path, submodules a commit
    .filter((entry) => !excluded(entry.absolute));
  const blobs = readBlobs(options.cwd, [...new Set(entries.map((e) => e.oid))]);
  for (const entry of entries) {
    const path = displayPath(options.cwd, entry.absolute);
    const bytes = blobs.get(entry.oid);
    if (bytes === undefined) collected.errors.push({ file: path, message: 'staged blob could not be read from the index' });
    else admitBytes(path, bytes, options.maxFileSize, collected);
  }
  sortByPath(collected.files);
  return collected;
}
