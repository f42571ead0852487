import { createHash } from 'node:crypto';

export interface FingerprintInput {
  ruleId: string;
  file: string;
  /** The code the finding is about (a line or an expression); whitespace is normalised away. */
  snippet: string;
  /** Distinguishes identical snippets in the same file (the n-th occurrence), so each keeps its own print. */
  occurrence?: number;
}

/** Collapses whitespace so re-indenting or re-wrapping code keeps a finding's fingerprint. */
export function normaliseSnippet(snippet: string): string {
  return snippet.replace(/\s+/g, ' ').trim();
}

/**
 * A fingerprint that survives unrelated edits: no line number goes into it, only the rule, the file path
 * (with `/` separators) and the normalised snippet. The snippet may contain a secret, so only a truncated
 * hash of it, salted by path and rule, ever leaves this function.
 */
export function fingerprint(input: FingerprintInput): string {
  const hash = createHash('sha256');
  hash.update(input.ruleId);
  hash.update('\0');
  hash.update(input.file.replace(/\\/g, '/'));
  hash.update('\0');
  hash.update(normaliseSnippet(input.snippet));
  hash.update('\0');
  hash.update(String(input.occurrence ?? 0));
  return hash.digest('hex').slice(0, 32);
}
