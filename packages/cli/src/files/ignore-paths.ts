import { relative, sep } from 'node:path';
import ignore from 'ignore';

/** Decides from a path alone whether to leave a file (or a whole directory) out of the scan. */
export type PathFilter = (absolute: string, isDirectory: boolean) => boolean;

/**
 * The config's `ignorePaths`: .gitignore syntax, relative to `root` (the config file's directory). Paths outside
 * `root` are never matched.
 */
export function ignorePathsFilter(root: string, patterns: readonly string[]): PathFilter {
  const rules = ignore().add([...patterns]);
  return (absolute, isDirectory) => {
    const rel = relative(root, absolute).split(sep).join('/');
    if (rel === '' || rel.startsWith('..') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return false;
    return rules.ignores(isDirectory ? `${rel}/` : rel);
  };
}
