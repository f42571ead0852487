import { isPlatformConfigName } from '@secret-hygiene/config/file-names';
import type { CollectedFiles, SourceFile } from './files/source-file.js';
import { isScript } from './scanners/flow.js';
import { UsageError } from './usage-error.js';

/** `--shard i/n`: this run scans the i-th of n parts (1-based). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count || count > 10_000) {
    throw new UsageError(`--shard: cannot read "${text}"; give i/n with 1 <= i <= n (example: --shard 2/4)`);
  }
  return { index, count };
}

/** Files that make their folder a project root: whole-program flows stay within one. */
const PROJECT_FILES = new Set(['package.json', 'tsconfig.json', 'jsconfig.json', 'pyproject.toml', 'setup.py']);
/** A script belongs to the program of its nearest tsconfig (the analyzer's rule), whatever lies between. */
const PROGRAM_FILES = new Set(['tsconfig.json', 'jsconfig.json']);

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function isProjectFile(path: string): boolean {
  return PROJECT_FILES.has(nameOf(path)) || isPlatformConfigName(path);
}

/** The folder a top-level unit falls back to: the first segment below the working directory (`../` kept). */
function topLevelFolder(path: string): string {
  const segments = path.split('/');
  let depth = 0;
  while (segments[depth] === '..') depth++;
  return depth + 1 < segments.length ? segments.slice(0, depth + 1).join('/') : '';
}

interface Roots {
  projects: ReadonlySet<string>;
  programs: ReadonlySet<string>;
}

function nearest(path: string, roots: ReadonlySet<string>): string | undefined {
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    if (roots.has(dir)) return dir;
    if (dir === '') return undefined;
  }
}

/**
 * A file's unit: for a script, the folder of the tsconfig whose program it joins; else its nearest enclosing
 * project root among the scanned files; else its top-level folder.
 */
function unitOf(path: string, roots: Roots): string {
  return (isScript(path) ? nearest(path, roots.programs) : undefined) ?? nearest(path, roots.projects) ?? topLevelFolder(path);
}

/**
 * Splits files into `count` shards by unit, never across one, balanced by size: units sorted largest first
 * (ties by path) each go to the lightest shard so far (ties to the lowest). The result depends on the paths
 * and sizes only, so every CI job computes the same partition.
 */
export function partition(files: ReadonlyArray<{ path: string; size: number }>, count: number): (path: string) => number {
  const roots: Roots = {
    projects: new Set(files.filter((file) => isProjectFile(file.path)).map((file) => dirOf(file.path))),
    programs: new Set(files.filter((file) => PROGRAM_FILES.has(nameOf(file.path))).map((file) => dirOf(file.path))),
  };
  const sizes = new Map<string, number>();
  for (const file of files) {
    const unit = unitOf(file.path, roots);
    sizes.set(unit, (sizes.get(unit) ?? 0) + file.size + 1); // + 1: empty files still weigh something
  }
  const loads = new Array<number>(count).fill(0);
  const shardOfUnit = new Map<string, number>();
  const units = [...sizes].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  for (const [unit, size] of units) {
    const lightest = loads.indexOf(Math.min(...loads));
    shardOfUnit.set(unit, lightest + 1);
    loads[lightest]! += size;
  }
  // A path outside the file set (an input error's file) goes by its unit too; an unknown unit to shard 1.
  return (path) => shardOfUnit.get(unitOf(path, roots)) ?? 1;
}

/** The files of a run as the scanners see them: the shard's, and every file for the scanners that need all. */
export interface ShardFiles extends CollectedFiles {
  everyFile: readonly SourceFile[];
  /** Whether a finding or error about `path` is this shard's to report. */
  owns(path: string): boolean;
}

/** The files and input errors of one shard (all of them without `--shard`). */
export function selectShard(collected: CollectedFiles, shard: Shard | undefined): ShardFiles {
  if (!shard) return { ...collected, everyFile: collected.files, owns: () => true };
  const shardOf = partition(collected.files.map((file) => ({ path: file.path, size: file.text.length })), shard.count);
  const owns = (path: string) => shardOf(path) === shard.index;
  return {
    files: collected.files.filter((file) => owns(file.path)),
    errors: collected.errors.filter((error) => owns(error.file)),
    skipped: collected.skipped,
    everyFile: collected.files,
    owns,
  };
}
