import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CatalogError, builtinCatalog, loadCatalogDir } from '@secret-hygiene/core';
import { writeBuiltinCatalog } from '../../packages/core/src/catalog/build.js';

const rulesDir = fileURLToPath(new URL('../../rules', import.meta.url));

function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  return dir;
}

describe('catalog', () => {
  it('loads and validates every rules/*.yaml', () => {
    const docs = loadCatalogDir(rulesDir);
    expect(Object.keys(docs)).toEqual(expect.arrayContaining(['names', 'rules']));
  });

  it('ships the same documents it validates', () => {
    expect(builtinCatalog()).toEqual(loadCatalogDir(rulesDir));
  });

  it('names the file, the entry and the reason of a broken entry', () => {
    const dir = copyRules();
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: warning', 'severity: loud'));
    let error: unknown;
    try {
      loadCatalogDir(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const catalogError = error as CatalogError;
    expect(catalogError.file).toBe(file);
    expect(catalogError.entry).toMatch(/^rules > entry \d+ \([a-z-]+\) > severity$/);
    expect(catalogError.reason).toMatch(/must be equal to one of the allowed values/);
  });

  it('reports YAML syntax errors and missing schemas', () => {
    const dir = copyRules();
    writeFileSync(join(dir, 'rules.yaml'), 'rules: [\n  - id: x\n');
    expect(() => loadCatalogDir(dir)).toThrow(/rules\.yaml: not valid YAML/);
    const other = copyRules();
    writeFileSync(join(other, 'extra.yaml'), 'a: 1\n');
    expect(() => loadCatalogDir(other)).toThrow(/extra\.yaml: no readable schema/);
  });

  it('rejects unknown fields', () => {
    const dir = copyRules();
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: config-schema\n', '  - id: config-schema\n    colour: red\n'));
    expect(() => loadCatalogDir(dir)).toThrow(/entry \d+ \(config-schema\).*must NOT have additional properties 'colour'/);
  });

  it('fails the build on a token pattern that does not compile, naming the entry', () => {
    const dir = copyRules();
    const file = join(dir, 'tokens.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace(/pattern: (['"]?)/, 'pattern: $1(?<broken');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    expect(() => writeBuiltinCatalog(dir, join(dir, 'out.json'))).toThrow(/tokens\.yaml: .*pattern does not compile/);
  });
});
