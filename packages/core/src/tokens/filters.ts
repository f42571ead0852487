import { shannonEntropy } from './entropy.js';
import { hasFiller, isPlaceholderValue, longestRun, looksLikeIdentifier } from './placeholder.js';
import type { TokenEntry } from './types.js';

/** Look-alike suppression shared by every entry: placeholders, filler runs, and the entry's entropy floor. */
export function passesValueFilters(entry: TokenEntry, secret: string): boolean {
  if (entry.check === 'kubernetes-secret') return true; // its check judges the decoded values itself
  if (isPlaceholderValue(secret)) return false;
  if (entry.check !== 'private-key' && entry.check !== 'service-account-json') {
    // Judge the random part: `123456789:AA<random>` is a Telegram token, `ghp_000000…` is not.
    const run = longestRun(secret);
    if (hasFiller(run, run.length >= 24 ? 6 : 5)) return false;
  }
  if (/EXAMPLE/.test(secret)) return false;
  if (!entry.check && looksLikeIdentifier(secret)) return false;
  const floor = entry.entropy ?? (secret.length >= 20 ? 3 : 0);
  return floor === 0 || shannonEntropy(secret) >= floor;
}
