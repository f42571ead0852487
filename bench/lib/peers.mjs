// The peer tools live in bench/peers with their own lockfile, never in the repository's root install.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PEERS_DIR } from './paths.mjs';

// Records which lockfile the installed tree came from, so a bumped pin reinstalls on the next run.
const STAMP = path.join(PEERS_DIR, 'node_modules', '.bench-lock-sha256');

let installed = false;

export function ensurePeers(log) {
  if (installed) return;
  const lockHash = createHash('sha256').update(readFileSync(path.join(PEERS_DIR, 'package-lock.json'))).digest('hex');
  if (!existsSync(STAMP) || readFileSync(STAMP, 'utf8') !== lockHash) {
    log('installing peer tools: npm ci --prefix bench/peers');
    execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--silent'], { stdio: 'inherit' });
    writeFileSync(STAMP, lockHash);
  }
  installed = true;
}
