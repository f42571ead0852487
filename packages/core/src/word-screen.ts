/** Words as one regex alternation, escaped, longest first so a word is never cut short by one of its prefixes. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('|');
}

/**
 * A test that passes every name one of whose words (as `splitWords` cuts them) is in `words`, and few others: a
 * word of a name is a run of its letters and digits, so the name, ignoring case, contains it. Failing the test
 * settles a question about the name's words without splitting it, which most names of a file do.
 */
export function wordScreen(words: Iterable<string>): RegExp {
  const unique = [...words].filter((w) => w !== '');
  // A screen over no words passes nothing.
  return unique.length === 0 ? /(?!)/ : new RegExp(alternation(unique), 'i');
}
