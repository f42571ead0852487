import { relative, sep } from 'node:path';

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
