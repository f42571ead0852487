// A throwaway git repository with a handful of real-sized files staged, as a pre-commit hook would see it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './corpora.mjs';

const GIT_IDENTITY = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false'];

function git(cwd, ...args) {
  execFileSync('git', [...GIT_IDENTITY, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Picks `count` TypeScript files of typical source size (4–24 KB) spread evenly over the corpus, in a stable
 * order so every run stages the same files.
 */
export function pickRealSizedFiles(corpusDir, count) {
  const candidates = listFiles(corpusDir, (file) => file.endsWith('.ts'))
    .filter((file) => {
      const size = statSync(file).size;
      return size >= 4 * 1024 && size <= 24 * 1024;
    })
    .sort();
  const step = candidates.length / count;
  return Array.from({ length: Math.min(count, candidates.length) }, (_, i) => candidates[Math.floor(i * step)]);
}

/** Recreates `repoDir` with one initial commit, then copies `files` in and stages them (not committed). */
export function createStagedRepo(repoDir, files, corpusDir) {
  rmSync(repoDir, { recursive: true, force: true });
  mkdirSync(repoDir, { recursive: true });
  git(repoDir, 'init', '-q');
  writeFileSync(path.join(repoDir, 'README.md'), '# model\n');
  git(repoDir, 'add', 'README.md');
  git(repoDir, 'commit', '-q', '-m', 'initial');
  const staged = [];
  for (const file of files) {
    const relative = path.relative(corpusDir, file);
    const target = path.join(repoDir, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
    staged.push(relative);
  }
  git(repoDir, 'add', '--', ...staged);
  return staged;
}
