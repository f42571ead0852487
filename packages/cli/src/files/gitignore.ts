import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Scope {
  dir: string;
  rules: Ignore;
}

function readRules(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Git's ignore rules as they apply to one tree: a `.gitignore` in every directory, scoped to that directory,
 * plus `.git/info/exclude` at the root. The deepest file with a matching rule decides, as in git, so a nested
 * `!pattern` can re-include what a parent ignored.
 */
export class GitignoreRules {
  private readonly chains = new Map<string, Scope[]>();

  /** `boundary`: the outermost directory whose rules apply (the repository root, else the scan root). */
  constructor(private readonly boundary: string) {}

  /** Whether `absolute` (a file, or a directory when `isDirectory`) is ignored. */
  ignores(absolute: string, isDirectory: boolean): boolean {
    const scopes = this.chain(dirname(absolute));
    for (let i = scopes.length - 1; i >= 0; i--) {
      const scope = scopes[i]!;
      const rel = relative(scope.dir, absolute).split(sep).join('/');
      if (rel === '' || rel.startsWith('..')) continue;
      const verdict = scope.rules.test(isDirectory ? `${rel}/` : rel);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }

  /** The scopes that apply inside `dir`, outermost first; cached per directory. */
  private chain(dir: string): Scope[] {
    const cached = this.chains.get(dir);
    if (cached) return cached;
    const parent = dirname(dir);
    const atBoundary = dir === this.boundary || parent === dir || !dir.startsWith(this.boundary);
    const inherited = atBoundary ? [] : this.chain(parent);
    const own: Scope[] = [];
    if (atBoundary) {
      const exclude = readRules(join(dir, '.git', 'info', 'exclude'));
      if (exclude !== undefined) own.push({ dir, rules: ignore().add(exclude) });
    }
    const gitignore = readRules(join(dir, '.gitignore'));
    if (gitignore !== undefined) own.push({ dir, rules: ignore().add(gitignore) });
    const scopes = own.length === 0 ? inherited : [...inherited, ...own];
    this.chains.set(dir, scopes);
    return scopes;
  }
}
