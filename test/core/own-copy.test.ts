// Long-lived memos keyed by names must not keep the files the names were read from.
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { NameClassifier, catalogDocument, ownCopy, type NameVocabulary } from '@secret-hygiene/core';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

const FILES = 48;
const FILE_SIZE = 1_000_000;

/** Heap growth after classifying one long name sliced out of each of many 1 MB texts. */
function retainedBy(classify: (name: string) => unknown): number {
  collect();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < FILES; i++) {
    const text = `const serviceNumber${i}ApiKey = load();\n${'x'.repeat(FILE_SIZE)}${i}`;
    const name = text.slice(6, text.indexOf(' ', 6));
    classify(name);
  }
  collect();
  return process.memoryUsage().heapUsed - before;
}

describe('ownCopy', () => {
  it('returns the same text', () => {
    expect(ownCopy('serviceNumber1ApiKey')).toBe('serviceNumber1ApiKey');
    expect(ownCopy('key')).toBe('key');
  });

  it('keeps the name classifier memo from holding the texts its names came from', () => {
    const classifier = new NameClassifier(catalogDocument<NameVocabulary>('names'));
    // Without the copy, every memo key is a slice that keeps its whole 1 MB text alive (48 MB here).
    expect(retainedBy((name) => classifier.classify(name))).toBeLessThan(8 * FILE_SIZE);
  });

  it('a memo that keeps the slices themselves does hold the texts (the measure works)', () => {
    const kept: string[] = [];
    expect(retainedBy((name) => kept.push(name))).toBeGreaterThan(FILES * FILE_SIZE * 0.9);
    expect(kept).toHaveLength(FILES);
  });
});
