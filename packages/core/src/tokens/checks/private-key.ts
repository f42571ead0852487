import { hasFiller } from '../placeholder.js';
import type { Check } from './types.js';

/**
 * A PEM/OpenSSH/PGP private key block whose body holds real key material: enough base64 once line breaks,
 * escaped `\n`, quotes and string concatenation are taken out, and no placeholder (`...`, `<key>`).
 */
export const privateKeyCheck: Check = ({ candidate, match }) => {
  const body = match.groups?.body ?? '';
  if (/\.\.\.|…|<[^>]*>|\$\{|\{\{|x{8}|X{8}/.test(body)) return [];
  const material = body
    .replace(/^[A-Za-z-]+:.*$/gm, '') // Proc-Type, DEK-Info, Comment headers
    .replace(/\\[nr]|\\\\n/g, '')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  if (material.length < 64 || hasFiller(material, 10)) return [];
  return [candidate];
};
