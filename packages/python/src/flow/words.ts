import { ownCopy, splitWords } from '@secret-hygiene/core';

const memo = new Map<string, string[]>();

/** `splitWords`, remembered: the same callee names come back in every file. */
export function wordsOf(name: string): string[] {
  let words = memo.get(name);
  if (!words) {
    // Names are slices of a file's text: the memo keeps a copy (and words cut from it), never the file.
    const key = ownCopy(name);
    words = splitWords(key);
    if (memo.size > 50_000) memo.clear();
    memo.set(key, words);
  }
  return words;
}

/** Words of a name that stand for a configuration, which may hold secrets: `load_config()`, `settings`, `HEADERS`. */
const CONFIGURATION_WORDS = /^(?:config|configs|configuration|settings|env|environment|headers)$/;

export function namesConfiguration(name: string): boolean {
  return wordsOf(name).some((word) => CONFIGURATION_WORDS.test(word));
}
