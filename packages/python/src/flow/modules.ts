import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Parser, Tree } from 'web-tree-sitter';
import type { Analysis } from './context.js';
import { analyseHelperModule } from './analyse.js';
import { copyTree } from './tree.js';

/** Helper modules one file may pull in, and the largest one read: enough for `utils.py`, bounded for odd repos. */
const MAX_MODULES = 12;
const MAX_BYTES = 512 * 1024;
/** Directories above the importing file where a top-level package may live (`from src.utils import x`). */
const MAX_ANCESTORS = 3;
/** Whether a directory holds `.git`, for the whole process: the repository root bounds the search upwards. */
const gitRoots = new Map<string, boolean>();

/**
 * Modules looked for in vain (third-party packages like `requests`), by importing directory, for the whole
 * process: a repository's files import the same packages over and over.
 */
const missing = new Set<string>();

/**
 * Loads the Python modules of the repository that a file imports helpers from (`from utils import download`,
 * `from .auth import get_token`), so calls into them are followed like calls within the file. Each module is
 * parsed once per analysed file; the trees live until `close`.
 */
export class ModuleLoader {
  private readonly loaded = new Map<string, Analysis | null>();
  private readonly trees: Tree[] = [];


  /**
   * `root` is the directory relative file paths are relative to (the scan's working directory): modules are
   * looked up on disk from the importing file's real location, so the answer does not depend on the process's
   * working directory, and a module is named the way the importing file is (relative or absolute).
   */
  constructor(
    private readonly parser: Parser,
    private readonly fresh: (file: string, text: string) => Analysis,
    private readonly root: string = process.cwd(),
  ) {}

  /** The analysis of `module` as imported from `fromFile`, or undefined when it is not a file of the repository. */
  load(fromFile: string, module: string): Analysis | undefined {
    const key = `${resolve(this.root, dirname(fromFile))}\0${module}`;
    if (missing.has(key)) return undefined;
    const found = this.find(fromFile, module);
    if (!found) {
      if (missing.size > 20_000) missing.clear();
      missing.add(key);
    }
    return found;
  }

  private find(fromFile: string, module: string): Analysis | undefined {
    for (const absolute of candidates(resolve(this.root, fromFile), module)) {
      const path = isAbsolute(fromFile) ? absolute : relative(this.root, absolute).split(sep).join('/');
      if (this.loaded.has(path)) return this.loaded.get(path) ?? undefined;
      const text = readSmallFile(absolute);
      if (text === undefined) continue;
      if (this.loaded.size >= MAX_MODULES) return undefined;
      this.loaded.set(path, null); // an import cycle finds the module being loaded and stops
      const tree = this.parser.parse(text);
      if (!tree) return undefined;
      this.trees.push(tree);
      const analysis = this.fresh(path, text);
      const { root, collected } = copyTree(tree, path, text, new Map([['import_statement', 'import'], ['import_from_statement', 'import']]));
      analyseHelperModule(analysis, root, collected.get('import') ?? []);
      this.loaded.set(path, analysis);
      return analysis;
    }
    return undefined;
  }

  /** The texts of the modules loaded, by path, for positions in findings reported inside them. */
  texts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [path, analysis] of this.loaded) if (analysis) out.set(path, analysis.text);
    return out;
  }

  close(): void {
    for (const tree of this.trees) tree.delete();
    this.trees.length = 0;
  }
}

/**
 * Where `module` (`utils`, `pkg.helpers`, `.auth`, `..common`) imported by the file at the absolute path
 * `fromFile` can be a file, nearest first: beside the file (or up the package for dots), then up to a few folders
 * above it for a top-level package, never above the repository root.
 */
function candidates(fromFile: string, module: string): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter(Boolean);
  if (parts.length === 0) return [];
  let bases: string[];
  if (dots > 0) {
    let dir = dirname(fromFile);
    for (let i = 1; i < dots; i++) dir = dirname(dir);
    bases = [dir];
  } else {
    bases = [];
    let dir = dirname(fromFile);
    for (let i = 0; i <= MAX_ANCESTORS; i++) {
      bases.push(dir);
      const up = dirname(dir);
      if (up === dir || isGitRoot(dir)) break;
      dir = up;
    }
  }
  return bases.flatMap((base) => [join(base, ...parts) + '.py', join(base, ...parts, '__init__.py')]);
}

function isGitRoot(dir: string): boolean {
  let root = gitRoots.get(dir);
  if (root === undefined) {
    if (gitRoots.size > 10_000) gitRoots.clear();
    gitRoots.set(dir, (root = existsSync(join(dir, '.git'))));
  }
  return root;
}

function readSmallFile(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
