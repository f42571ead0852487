// Human-readable figures for the tables.
import path from 'node:path';
import { REPO_ROOT } from './paths.mjs';

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

export function formatKb(kb) {
  if (!Number.isFinite(kb)) return '-';
  return `${(kb / 1024).toFixed(0)} MB`;
}

export function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
}

export function formatRatio(ratio) {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '-';
}

/** A command line as a reader would type it from the repository root. */
export function displayCommand(argv) {
  return argv
    .map((arg) => {
      if (arg === process.execPath) return 'node';
      if (path.isAbsolute(arg) && arg.startsWith(REPO_ROOT)) return path.relative(REPO_ROOT, arg) || '.';
      return /[\s*'"]/.test(arg) ? `'${arg}'` : arg;
    })
    .join(' ');
}
