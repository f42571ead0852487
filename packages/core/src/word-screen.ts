/**
 * A test that passes every name one of whose words (as `splitWords` cuts them) is in `words`, and few others: a
 * word of a name is a run of its letters and digits, so the name, ignoring case, contains it. Failing the test
 * settles a question about the name's words without splitting it, which most names of a file do.
 */
export function wordScreen(words: Iterable<string>): RegExp {
  const unique = [...new Set(words)].filter((w) => w !== '');
  // A screen over no words passes nothing; longest first so no word is cut short by one of its prefixes.
  if (unique.length === 0) return /(?!)/;
  unique.sort((a, b) => b.length - a.length);
  return new RegExp(unique.map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'), 'i');
}
