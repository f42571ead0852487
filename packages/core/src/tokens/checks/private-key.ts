import { hasFiller } from '../placeholder.js';
import type { Check } from './types.js';

const MAX_BLOCK = 16_000;
const END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/;

/**
 * A PEM/OpenSSH/PGP private key block, found by its BEGIN line, whose body holds real key material: enough
 * base64 once line breaks, escaped `\n`, quotes and string concatenation are taken out, and no placeholder
 * (`...`, `<key>`). The body is read here rather than by the catalog pattern so matching stays linear.
 */
export const privateKeyCheck: Check = ({ text, candidate }) => {
  const headerEnd = text.indexOf('-----', text.indexOf('PRIVATE KEY', candidate.start)) + 5;
  const offset = bodyStart(text, headerEnd);
  const window = text.slice(offset, offset + MAX_BLOCK);
  const end = END.exec(window);
  const body = end ? window.slice(0, end.index) : (/^[A-Za-z0-9+/=\s\\"'+,:-]*/.exec(window)?.[0] ?? '');
  if (/\.\.\.|…|<[^>]*>|\$\{|\{\{|x{8}|X{8}/.test(body)) return [];
  const material = body
    .replace(/^[A-Za-z-]+:.*$/gm, '') // Proc-Type, DEK-Info, Comment headers
    .replace(/\\[nr]/g, '')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  if (material.length < 64 || hasFiller(material, 10)) return [];
  const stop = end ? offset + end.index + end[0].length : offset + body.trimEnd().length;
  return [{ start: candidate.start, end: stop, secret: text.slice(candidate.start, stop) }];
};

/** The body starts on the line after the BEGIN line (whatever trails it), or after an escaped `\n` in a string. */
function bodyStart(text: string, headerEnd: number): number {
  const newline = text.indexOf('\n', headerEnd);
  const escaped = text.indexOf('\\n', headerEnd);
  if (escaped !== -1 && (newline === -1 || escaped < newline)) return escaped + 2;
  return newline === -1 ? text.length : newline + 1;
}
