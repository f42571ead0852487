// The hook repository the tests install from: a snapshot of this working tree committed to a throwaway git
// repository, so uncommitted changes are what gets tested (a fresh CI clone has none, and then it equals HEAD).
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from '../support/cli.js';

/** Tracked and untracked-but-not-ignored files that exist on disk (deleted tracked files are left out). */
function workingTreeFiles(root: string): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`the hook repository is made from this git working tree: git ls-files failed: ${listed.stderr}`);
  const exists = (path: string): boolean => lstatSync(join(root, path), { throwIfNoEntry: false }) !== undefined;
  return [...new Set(listed.stdout.split('\0').filter((path) => path !== '' && exists(path)))];
}

/** Copies the working tree of `root` into `target`, commits it, and returns the commit's id (pre-commit's `rev`). */
export function snapshotRepository(root: string, target: string): string {
  for (const path of workingTreeFiles(root)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    cpSync(join(root, path), join(target, path), { verbatimSymlinks: true });
  }
  git(target, ['init', '-q']);
  git(target, ['add', '-A', '--force']); // a tracked file may match an ignore pattern
  git(target, ['commit', '-q', '--no-verify', '-m', 'snapshot of the working tree']);
  return git(target, ['rev-parse', 'HEAD']).trim();
}
