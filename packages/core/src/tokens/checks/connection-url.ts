import { isPlaceholderValue } from '../placeholder.js';
import type { Check } from './types.js';

// Host names of a template: a password next to them is an illustration.
const TEMPLATE_HOSTS = /^(?:host|hostname|your[\w.-]*|server|domain|db-host|dbhost|xxx+)$/i;
// The domains reserved for examples: documentation, but also tests and samples that mean their password.
const EXAMPLE_HOSTS = /^(?:example\.(?:com|org|net)|[\w.-]+\.example(?:\.(?:com|org|net))?)$/i;

/** `scheme://user:password@host`: the password is the secret, unless it is a placeholder or a variable. */
export const connectionUrlCheck: Check = ({ candidate, match }) => {
  const user = match.groups?.user ?? '';
  const host = match.groups?.host ?? '';
  const password = candidate.secret;
  if (password.length < 4 || isPlaceholderValue(password) || /^[$%]|^\{|\}$/.test(password)) return [];
  if (user !== '' && isPlaceholderValue(user) && password.toLowerCase() === user.toLowerCase()) return [];
  if (/^(?:pass(?:word)?|pwd|secret|<.*>|\*+|x+)$/i.test(password) || /^pass(?:word)?\d?$/i.test(password)) return [];
  if (TEMPLATE_HOSTS.test(host) || (EXAMPLE_HOSTS.test(host) && !looksGenerated(password))) return [];
  return [candidate];
};

/**
 * A password nobody writes to illustrate one: eight characters or more from three classes of lower case, upper case,
 * digits and symbols (`s3cr3tP4ss`, `6m9GmK1Hq93cRRWB`). Documentation shows `user:mysecretpassword@db.example.com`;
 * a password like these next to an example host was pasted or made up to pass for real, and is reported.
 */
function looksGenerated(password: string): boolean {
  // The text is read as written: escapes (`pa\uD7FFss` in a parser's tests) are no characters of the password.
  const plain = password.replace(/\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|u\{[0-9A-Fa-f]{1,6}\}|.)/g, '');
  if (plain.length < 8) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((c) => c.test(plain)).length;
  return classes >= 3;
}
