import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** The path every output uses: relative to the working directory, `/`-separated on every platform. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** Whether `absolute` is `root` or lies below it. */
export function isWithin(root: string, absolute: string): boolean {
  const rel = relative(root, absolute);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** The repository root at or above `start` (the nearest directory holding `.git`), or undefined outside one. */
export function findGitRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
