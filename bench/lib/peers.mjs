// The peer tools live in bench/peers with their own lockfile, never in the repository's root install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PEERS_DIR } from './paths.mjs';

let installed = false;

export function ensurePeers(log) {
  if (installed) return;
  const marker = path.join(PEERS_DIR, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) {
    log('installing peer tools: npm ci --prefix bench/peers');
    execFileSync('npm', ['ci', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--silent'], { stdio: 'inherit' });
  }
  installed = true;
}
