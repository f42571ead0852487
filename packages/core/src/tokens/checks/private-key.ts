import { hasFiller } from '../placeholder.js';
import type { Check } from './types.js';

const MAX_BLOCK = 16_000;
const END = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const BEGIN = '-----BEGIN';

/**
 * A PEM/OpenSSH/PGP private key block, found by its BEGIN line, whose body holds real key material: enough
 * base64 once line breaks, escaped `\n`, quotes and string concatenation are taken out, and no placeholder
 * (`...`, `<key>`). The body is read here rather than by the catalog pattern so matching stays linear: END
 * lines are found once per text, and a body never reaches past the next BEGIN line.
 */
export const privateKeyCheck: Check = ({ text, candidate }) => {
  const headerEnd = text.indexOf('-----', text.indexOf('PRIVATE KEY', candidate.start)) + 5;
  const bodyFrom = bodyStart(text, headerEnd);
  const nextBegin = text.indexOf(BEGIN, headerEnd);
  const limit = Math.min(bodyFrom + MAX_BLOCK, nextBegin === -1 ? text.length : nextBegin);
  const end = nextEnd(text, bodyFrom);
  const closed = end !== undefined && end[0] < limit;
  const body = closed ? text.slice(bodyFrom, end[0]) : (/^[A-Za-z0-9+/=\s\\"'+,:-]*/.exec(text.slice(bodyFrom, limit))?.[0] ?? '');
  if (/\.\.\.|…|<[^>]*>|\$\{|\{\{|x{8}|X{8}/.test(body)) return [];
  const material = body
    .replace(/^[A-Za-z-]+:.*$/gm, '') // Proc-Type, DEK-Info, Comment headers
    .replace(/\\[nr]/g, '')
    .replace(/[^A-Za-z0-9+/=]/g, '');
  if (material.length < 64 || hasFiller(material, 10)) return [];
  const stop = closed ? end[1] : bodyFrom + body.trimEnd().length;
  return [{ start: candidate.start, end: stop, secret: text.slice(candidate.start, stop) }];
};

/** The body starts on the line after the BEGIN line (whatever trails it), or after an escaped `\n` in a string. */
function bodyStart(text: string, headerEnd: number): number {
  const newline = text.indexOf('\n', headerEnd);
  const lineEnd = newline === -1 ? text.length : newline;
  // Only the rest of the BEGIN line is searched for an escaped `\n`, so each BEGIN costs one line.
  const escaped = text.slice(headerEnd, Math.min(lineEnd, headerEnd + 4096)).indexOf('\\n');
  if (escaped !== -1) return headerEnd + escaped + 2;
  return newline === -1 ? text.length : newline + 1;
}

// END lines of the last text seen, as [start, end] pairs in order.
let cached: { text: string; ends: Array<[number, number]> } | undefined;

/** The first END line at or after `offset`. */
function nextEnd(text: string, offset: number): [number, number] | undefined {
  if (cached?.text !== text) {
    END.lastIndex = 0;
    cached = { text, ends: [...text.matchAll(END)].map((m) => [m.index, m.index + m[0].length]) };
  }
  const { ends } = cached;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]![0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return ends[lo];
}
