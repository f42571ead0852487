import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledFile } from '../runtime-file.js';
import type { CatalogDocuments } from './load.js';

let cached: CatalogDocuments | undefined;

const catalogFile = (): string =>
  bundledFile(import.meta.url, 'catalog.json') ?? fileURLToPath(new URL('../../generated/catalog.json', import.meta.url));

/** The shipped catalog, validated at build time (scripts/build.mjs); parsed once per process. */
export function builtinCatalog(): CatalogDocuments {
  cached ??= JSON.parse(readFileSync(catalogFile(), 'utf8')) as CatalogDocuments;
  return cached;
}

/** One document of the shipped catalog, typed by the caller (its schema has already been checked). */
export function catalogDocument<T>(name: string): T {
  const doc = builtinCatalog()[name];
  if (doc === undefined) throw new Error(`the built-in catalog has no ${name}.yaml; run npm run build`);
  return doc as T;
}
