import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileCatalog } from '../tokens/compile.js';
import type { TokenCatalog } from '../tokens/types.js';
import { loadCatalogDir } from './load.js';

/** Validates `rules/` and freezes it into the JSON that runs load (see builtin.ts). */
export function writeBuiltinCatalog(rulesDir: string, outFile: string): void {
  const documents = loadCatalogDir(rulesDir);
  // Every pattern compiles and none matches the empty string, so runs can build regexes lazily.
  if (documents.tokens) compileCatalog(documents.tokens as TokenCatalog, join(rulesDir, 'tokens.yaml'));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(documents));
}
