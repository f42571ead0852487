import { isPlaceholderValue } from '../placeholder.js';
import type { Check } from './types.js';

// Hosts that only appear in documentation: a password next to them is an illustration.
const DOC_HOSTS = /^(?:host|hostname|your[\w.-]*|example\.(?:com|org|net)|[\w.-]+\.example(?:\.com)?|server|domain|db-host|dbhost|xxx+)$/i;

/** `scheme://user:password@host`: the password is the secret, unless it is a placeholder or a variable. */
export const connectionUrlCheck: Check = ({ candidate, match }) => {
  const user = match.groups?.user ?? '';
  const host = match.groups?.host ?? '';
  const password = candidate.secret;
  if (password.length < 4 || isPlaceholderValue(password) || /^[$%]|^\{|\}$/.test(password)) return [];
  if (user !== '' && isPlaceholderValue(user) && password.toLowerCase() === user.toLowerCase()) return [];
  if (/^(?:pass(?:word)?|pwd|secret|<.*>|\*+|x+)$/i.test(password) || /^pass(?:word)?\d?$/i.test(password)) return [];
  if (DOC_HOSTS.test(host)) return [];
  return [candidate];
};
