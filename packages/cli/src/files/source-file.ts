import type { InputError } from '@secret-hygiene/core';

/** A decoded text file of the scanned set. `path` is relative to the working directory, with `/`. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Why files were left out of a run; every count is reported in the JSON and SARIF stats. */
export interface SkipCounts {
  /** A NUL byte in the first 8 KiB. */
  skippedBinary: number;
  /** Larger than `--max-file-size`. */
  skippedOversized: number;
  /** Matched by a `.gitignore` (or `.git/info/exclude`). */
  skippedIgnored: number;
  /** `.git` and `node_modules` directories, never scanned. */
  skippedExcluded: number;
}

export interface CollectedFiles {
  files: SourceFile[];
  errors: InputError[];
  skipped: SkipCounts;
}

export function emptySkipCounts(): SkipCounts {
  return { skippedBinary: 0, skippedOversized: 0, skippedIgnored: 0, skippedExcluded: 0 };
}

/** Larger files are skipped (and counted): generated data, not code people write. `--max-file-size` changes it. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * Notebooks carry their plots as base64 (never scanned), so their files run large while the cell text stays
 * small: they may be this many times the limit.
 */
export const NOTEBOOK_SIZE_FACTOR = 16;

/** The size limit for one file: `maxFileSize`, more for notebooks. */
export function sizeLimitFor(path: string, maxFileSize: number): number {
  return path.toLowerCase().endsWith('.ipynb') ? maxFileSize * NOTEBOOK_SIZE_FACTOR : maxFileSize;
}

const BINARY_PROBE_BYTES = 8192;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Git's own heuristic: a NUL byte near the start means the content is not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

export type Decoded = { text: string } | { error: string };

/** Strict UTF-8 (a leading BOM is dropped); undecodable bytes are an input error, never replacement characters. */
export function decodeText(bytes: Uint8Array): Decoded {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8 text; the file was not scanned' };
  }
}

/** Sorts in place by path, so every output lists files in the same order whatever the discovery order. */
export function sortByPath(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Adds the skip-or-decode verdict for one file's bytes to `into`. */
export function admitBytes(path: string, bytes: Uint8Array, maxFileSize: number, into: CollectedFiles): void {
  if (bytes.length > sizeLimitFor(path, maxFileSize)) {
    into.skipped.skippedOversized++;
    return;
  }
  if (looksBinary(bytes)) {
    into.skipped.skippedBinary++;
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) into.errors.push({ file: path, message: decoded.error });
  else into.files.push({ path, text: decoded.text });
}
