import { shannonEntropy } from '../entropy.js';
import { isPlaceholderValue } from '../placeholder.js';
import type { Check } from './types.js';

/**
 * A credential written into an HTTP call: `curl -u user:pass`, `Authorization: Basic <base64>` or
 * `Authorization: Bearer <token>`. Variables (`$TOKEN`), templates and placeholders are not credentials.
 */
export const httpCredentialCheck: Check = ({ candidate, match }) => {
  const secret = candidate.secret;
  if (isPlaceholderValue(secret) || /^[$%]|\$\{|\$\(|^\{/.test(secret)) return [];
  const scheme = (match.groups?.scheme ?? '').toLowerCase();
  if (scheme === 'basic') {
    const decoded = Buffer.from(secret, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || /[^\x20-\x7e]/.test(decoded)) return [];
    const password = decoded.slice(colon + 1);
    return isPlaceholderValue(password) || password.length < 4 ? [] : [candidate];
  }
  if (match.groups?.user !== undefined) {
    // curl -u user:password: a password made of one short word (trailing prose punctuation aside) is an illustration.
    const bare = secret.replace(/[:.,;!?)\]}]+$/, '');
    return bare.length >= 6 && !/^pass(?:word)?\d*$/i.test(bare) && !isPlaceholderValue(bare) ? [candidate] : [];
  }
  return secret.length >= 16 && shannonEntropy(secret) >= 3.2 ? [candidate] : [];
};
