import { describe, expect, it } from 'vitest';
import { catalogDocument, scanTokens, type TokenCatalog } from '@secret-hygiene/core';
import { HARD_LOOKALIKES, HARD_POSITIVES, PLACEHOLDERS, lookAlikeCorpus, positiveCorpus } from './tokens-corpus.js';

const entries = catalogDocument<TokenCatalog>('tokens').tokens;

describe('look-alikes stay silent', () => {
  const corpus = lookAlikeCorpus();

  it(`flags at most 1% of ${corpus.length} look-alike lines`, () => {
    const flagged = corpus.filter((line) => scanTokens(line).length > 0);
    expect(corpus.length).toBeGreaterThan(1000);
    expect(flagged.length / corpus.length, flagged.slice(0, 20).join('\n')).toBeLessThanOrEqual(0.01);
  });

  it.each(HARD_LOOKALIKES)('never flags %j', (line) => {
    expect(scanTokens(line).map((m) => m.detector)).toEqual([]);
  });

  it.each(PLACEHOLDERS)('never flags the placeholder %j in an assignment', (value) => {
    expect(scanTokens(`OPENAI_API_KEY = "${value}"`)).toEqual([]);
  });
});

describe('real formats are found', () => {
  it.each(HARD_POSITIVES)('finds the credential in %j', (line) => {
    expect(scanTokens(line).length).toBeGreaterThan(0);
  });

  const corpus = positiveCorpus(entries);

  it(`finds at least 98% of ${corpus.length} synthetic credentials in context`, () => {
    const missed = corpus.filter(({ text }) => scanTokens(text).length === 0);
    expect(corpus.length).toBeGreaterThan(600);
    expect(1 - missed.length / corpus.length, missed.slice(0, 20).map((m) => `${m.id}: ${m.text}`).join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('names the right detector for provider formats', () => {
    const wrong = corpus
      .filter(({ id }) => entries.find((e) => e.id === id)?.provider !== 'Generic')
      .filter(({ id, text }) => !scanTokens(text).some((m) => m.detector === id));
    expect(wrong.length / corpus.length, wrong.slice(0, 20).map((m) => `${m.id}: ${m.text}`).join('\n')).toBeLessThanOrEqual(0.02);
  });
});
