// Fixed locations the benchmark reads and writes; everything it creates stays under bench/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = path.dirname(BENCH_DIR);
export const CORPORA_DIR = path.join(BENCH_DIR, 'corpora');
export const WORK_DIR = path.join(BENCH_DIR, '.work');
export const PEERS_DIR = path.join(BENCH_DIR, 'peers');
export const PEERS_BIN = path.join(PEERS_DIR, 'node_modules', '.bin');
export const CLI_LAUNCHER = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'secret-audit.js');
export const RESULTS_FILE = path.join(WORK_DIR, 'results.json');

/** Path of a peer tool's entry script, run with `node` so no shell wrapper is timed. */
export function peerScript(...segments) {
  return path.join(PEERS_DIR, 'node_modules', ...segments);
}

/** Compiled entry of a workspace package: its manifest's `main` (packages/<dir>/dist/index.js unless it says otherwise). */
export function packageDist(dir) {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages', dir, 'package.json'), 'utf8'));
  return path.join(REPO_ROOT, 'packages', dir, manifest.main ?? 'dist/index.js');
}
