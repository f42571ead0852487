import { describe, expect, it } from 'vitest';
import { CatalogError, builtinTokenCatalog, catalogDocument, compileCatalog, scanTokens, type TokenCatalog, type TokenEntry } from '@secret-hygiene/core';

const catalog = catalogDocument<TokenCatalog>('tokens');

describe('rules/tokens.yaml', () => {
  it('compiles every entry', () => {
    expect(builtinTokenCatalog().entries.length).toBe(catalog.tokens.length);
  });

  describe.each(catalog.tokens.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
    it.each(entry.examples.match)('finds %j', (example) => {
      const found = scanTokens(example).filter((m) => m.detector === entry.id);
      expect(found.length).toBeGreaterThan(0);
    });
    it.each(entry.examples.nomatch ?? [])('ignores %j', (example) => {
      expect(scanTokens(example).filter((m) => m.detector === entry.id)).toEqual([]);
    });
    if (entry.anchored) it('starts every match of its examples at a keyword (anchored)', () => {
      const regex = new RegExp(entry.pattern, `g${entry.flags ?? ''}`);
      for (const example of entry.examples.match) {
        const lower = example.toLowerCase();
        for (const match of example.matchAll(regex)) {
          expect(entry.keywords.some((k) => lower.startsWith(k, match.index)), example).toBe(true);
        }
      }
    });
    it('has a keyword that occurs in each matching example', () => {
      for (const example of entry.examples.match) {
        expect(entry.keywords.some((k) => example.toLowerCase().includes(k)), example).toBe(true);
      }
    });
  });
});

describe('catalog compilation errors', () => {
  const base: TokenEntry = { id: 'x-token', provider: 'X', description: 'X token', pattern: 'x_[a-z]{10}', keywords: ['x_'], examples: { match: ['x_abcdefghij'] } };

  it('names the file, the entry and the reason for a regex that does not compile', () => {
    const broken = { tokens: [{ ...base, pattern: 'x_[a-z' }] };
    expect(() => compileCatalog(broken, 'rules/tokens.yaml')).toThrow(CatalogError);
    expect(() => compileCatalog(broken, 'rules/tokens.yaml')).toThrow(/rules\/tokens\.yaml: x-token: pattern does not compile/);
  });

  it('rejects a pattern that matches the empty string', () => {
    expect(() => compileCatalog({ tokens: [{ ...base, pattern: '[a-z]*' }] })).toThrow(/matches the empty string/);
  });

  it('rejects duplicate ids, unknown checks and upper-case keywords', () => {
    expect(() => compileCatalog({ tokens: [base, base] })).toThrow(/duplicate id/);
    expect(() => compileCatalog({ tokens: [{ ...base, kind: 'structural' }] })).toThrow(/needs a known check/);
    expect(() => compileCatalog({ tokens: [{ ...base, keywords: ['X_'] }] })).toThrow(/lower case/);
  });
});
