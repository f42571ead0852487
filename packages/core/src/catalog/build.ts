import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadCatalogDir } from './load.js';

/** Validates `rules/` and freezes it into the JSON that runs load (see builtin.ts). */
export function writeBuiltinCatalog(rulesDir: string, outFile: string): void {
  const documents = loadCatalogDir(rulesDir);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(documents));
}
