// File helpers that tolerate several benchmark runs sharing bench/.work at once.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes `text` unless the file already holds it; replaces atomically so a concurrent reader never sees half a file. */
export function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const scratch = `${file}.${process.pid}.tmp`;
  writeFileSync(scratch, text);
  renameSync(scratch, file);
}
