import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFile } from '@secret-hygiene/core';

describe('bundledFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'secret-audit-bundle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'catalog.json'), '{}');
  const chunk = pathToFileURL(join(dir, 'chunk-ABC.js')).href;

  it('finds a data file shipped beside the module (the bundled CLI)', () => {
    expect(bundledFile(chunk, 'catalog.json')).toBe(join(dir, 'catalog.json'));
  });

  it('is undefined where nothing is shipped beside the module (the workspace), so callers fall back', () => {
    expect(bundledFile(chunk, 'tree-sitter-python.wasm')).toBeUndefined();
    expect(bundledFile(import.meta.url, 'catalog.json')).toBeUndefined();
  });
});
