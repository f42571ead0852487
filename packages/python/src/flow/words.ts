import { splitWords } from '@secret-hygiene/core';

const memo = new Map<string, string[]>();

/** `splitWords`, remembered: the same callee names come back in every file. */
export function wordsOf(name: string): string[] {
  let words = memo.get(name);
  if (!words) {
    words = splitWords(name);
    if (memo.size > 50_000) memo.clear();
    memo.set(name, words);
  }
  return words;
}
