import { describe, expect, it } from 'vitest';
import { NameClassifier, catalogDocument, splitWords, wordScreen, type NameVocabulary } from '@secret-hygiene/core';

describe('word screen', () => {
  const screen = wordScreen(['key', 'x-api-key', 'a.b']);

  it('passes a name holding a word in any case, and names that merely contain it', () => {
    for (const name of ['apiKey', 'API_KEY', 'key', 'X-API-KEY', 'monkey']) expect(screen.test(name), name).toBe(true);
  });

  it('fails a name holding none of the words, and treats regex characters literally', () => {
    for (const name of ['name', 'ke_y', 'aXb', 'x_api_ke']) expect(screen.test(name), name).toBe(false);
    expect(screen.test('a.b')).toBe(true);
  });

  it('passes nothing when given no words', () => {
    expect(wordScreen([]).test('')).toBe(false);
    expect(wordScreen(['']).test('anything')).toBe(false);
  });
});

describe('NameClassifier.mayNameASecret', () => {
  const vocabulary = catalogDocument<NameVocabulary>('names');
  const classifier = new NameClassifier(vocabulary, ['CUSTOM_DEPLOY_VALUE']);
  const words = [
    ...vocabulary.secretHeads,
    ...Object.entries(vocabulary.qualifiedHeads).flatMap(([head, qualifiers]) => [head, ...qualifiers.slice(0, 6)]),
    ...vocabulary.metadataWords.slice(0, 10),
    ...vocabulary.booleanPrefixes.slice(0, 5),
    'user', 'client', 'name', 'value', 'db', '2',
  ];
  // Every one- and two-word name in four spellings: camelCase, snake_case, UPPER_SNAKE and kebab-case.
  const names = new Set<string>(vocabulary.secretEnvNames.concat(vocabulary.nonSecretEnvNames, 'CUSTOM_DEPLOY_VALUE'));
  for (const a of words) {
    for (const b of [undefined, ...words]) {
      const parts = b === undefined ? [a] : [a, b];
      names.add(parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join(''));
      names.add(parts.join('_'));
      names.add(parts.join('_').toUpperCase());
      names.add(parts.join('-'));
    }
  }

  it('screens out only names with no head word that are not secret environment names', () => {
    const heads = new Set([...vocabulary.secretHeads, ...Object.keys(vocabulary.qualifiedHeads)]);
    const env = new Set([...vocabulary.secretEnvNames, 'CUSTOM_DEPLOY_VALUE']);
    let passed = 0;
    for (const name of names) {
      const hasHead = splitWords(name).some((w) => heads.has(w)) || env.has(name);
      if (hasHead) passed++;
      if (hasHead) expect(classifier.mayNameASecret(name), name).toBe(true);
      if (!classifier.mayNameASecret(name)) expect(classifier.classify(name), name).toBe('no');
    }
    // The generated names hold thousands with a head word: the loop above tested something.
    expect(passed).toBeGreaterThan(1000);
  });

  it('screens out names with no head word, which the classifier calls no', () => {
    for (const name of ['userName', 'max_retries', 'HTTP_PROXY', 'baseURL', 'timeout']) {
      expect(splitWords(name).length).toBeGreaterThan(0);
      expect(classifier.mayNameASecret(name), name).toBe(false);
      expect(classifier.classify(name), name).toBe('no');
    }
  });
});
