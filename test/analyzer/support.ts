// Reads fixture folders the way the CLI hands files to the analyzer: paths relative to the repository, with text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScannedFile } from '@secret-hygiene/analyzer';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/** Scripts and tsconfig.json files under `dir` (relative to the repository), node_modules excluded. */
export function readFolder(dir: string): ScannedFile[] {
  const out: ScannedFile[] = [];
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else if (SCRIPT.test(entry.name) || entry.name === 'tsconfig.json') {
        out.push({ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(join(ROOT, dir));
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The case folders of a fixture group (`leaks`, `lookalikes`). */
export function caseFolders(group: string): string[] {
  const dir = join(ROOT, 'fixtures/analyzer', group);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `fixtures/analyzer/${group}/${e.name}`)
    .sort();
}

/** `rule@file:line` keys of the `$ Alert[rule]` annotations in the files. */
export function annotatedAlerts(files: readonly ScannedFile[]): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    file.text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\$ Alert\[([\w-]+)\]/g)) keys.add(`${m[1]}@${file.path}:${i + 1}`);
    });
  }
  return keys;
}

export function keyOf(f: { ruleId: string; file: string; line: number }): string {
  return `${f.ruleId}@${f.file}:${f.line}`;
}
