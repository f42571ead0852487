import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A data file that code reads at run time (catalog, schema, grammar), when the bundled CLI ships it: the bundle
 * (scripts/bundle.mjs) copies each such file, under its base name, into the folder that holds its code. Returns
 * undefined in the workspace, where the caller falls back to the file's place in its package.
 */
export function bundledFile(moduleUrl: string, name: string): string | undefined {
  const path = fileURLToPath(new URL(name, moduleUrl));
  return existsSync(path) ? path : undefined;
}
