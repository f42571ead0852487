import { readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
}

// src/ and dist/ both sit one level below package.json, so the same relative URL works for both.
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as PackageJson;

/** ESLint's plugin `meta`: used for config caching and in error messages. */
export const packageMeta = { name: manifest.name, version: manifest.version } as const;
