import { redactSpans, scanTokens } from '@secret-hygiene/core';

/**
 * Last line of defence for text we did not write ourselves (a parser's or the OS's error message may quote
 * the offending source): any token the detector recognises in it is redacted before it is printed.
 */
export function scrubSecrets(text: string): string {
  const matches = scanTokens(text);
  return matches.length === 0 ? text : redactSpans(text, matches.map((m) => [m.start, m.end] as const));
}
