// Pinned real sources from the npm registry, unpacked once into bench/corpora/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORPORA_DIR } from './paths.mjs';

/** The TypeScript SDKs whose `src/` folders are the main corpus. Bump versions deliberately: figures depend on them. */
export const SDK_PACKAGES = [
  { name: 'openai', version: '7.57.0', folder: 'src' },
  { name: '@anthropic-ai/sdk', version: '1.12.0', folder: 'src' },
];

/** node-gyp ships gyp, a real Python code base; the Python section mixes it into its corpus. */
export const PYTHON_PACKAGE = { name: 'node-gyp', version: '13.1.0', folder: 'gyp' };

/** Directory holding the SDK sources side by side: bench/corpora/sdk/<package>-<version>/. */
export const SDK_ROOT = path.join(CORPORA_DIR, 'sdk');

export function slug({ name, version }) {
  return `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}`;
}

/** Unpacks `pkg.folder` of a pinned package into `parent/<slug>` unless already there; returns that path. */
export function ensurePackageFolder(pkg, parent, log) {
  const target = path.join(parent, slug(pkg));
  if (existsSync(target)) return target;
  mkdirSync(parent, { recursive: true });
  const tarball = path.join(CORPORA_DIR, `${slug(pkg)}.tgz`);
  if (!existsSync(tarball)) {
    log(`fetching ${pkg.name}@${pkg.version} from the npm registry`);
    const packed = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', CORPORA_DIR, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim().split('\n').at(-1);
    const produced = path.join(CORPORA_DIR, packed);
    if (produced !== tarball) renameSync(produced, tarball);
  }
  const scratch = `${target}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', scratch, `package/${pkg.folder}`]);
  renameSync(path.join(scratch, 'package', pkg.folder), target);
  rmSync(scratch, { recursive: true, force: true });
  return target;
}

export function ensureSdkCorpus(log) {
  const sdks = SDK_PACKAGES.map((pkg) => ({ ...pkg, dir: ensurePackageFolder(pkg, SDK_ROOT, log) }));
  makeStandaloneRoot(SDK_ROOT);
  return sdks;
}

/**
 * Gives a corpus folder its own (empty) git repository. The repository's .gitignore ignores bench/corpora and
 * bench/.work, and a scanner that honours .gitignore up to the git root would otherwise skip every file.
 */
export function makeStandaloneRoot(dir) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(path.join(dir, '.git'))) execFileSync('git', ['init', '-q', dir]);
}

const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Every file under `dir` (recursively, skipping .git and node_modules) whose path passes `accept`. */
export function listFiles(dir, accept = () => true) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...listFiles(full, accept));
    }
    else if (entry.isFile() && accept(full)) found.push(full);
  }
  return found;
}

export function describeFiles(files) {
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { count: files.length, bytes };
}
