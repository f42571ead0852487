import { isPlaceholderValue } from '../placeholder.js';
import type { Candidate, Check } from './types.js';

/**
 * A Kubernetes `kind: Secret` manifest: every value under its `data:` (base64) or `stringData:` (plain) mapping
 * is a secret, unless it is empty, a template (`{{ .Values.x }}`, `${X}`) or a placeholder once decoded.
 */
export const kubernetesSecretCheck: Check = ({ text, match }) => {
  const { start, end } = documentAround(text, match.index);
  // A document is read once, however many `kind: Secret` lines it holds.
  const seen = documentsRead(text, match.index);
  if (seen.has(start)) return [];
  seen.add(start);
  const document = text.slice(start, end);
  const found: Candidate[] = [];
  const section = /^(data|stringData):[ \t]*\r?$/gm;
  for (let header = section.exec(document); header; header = section.exec(document)) {
    const encoded = header[1] === 'data';
    let offset = header.index + header[0].length + 1;
    while (offset < document.length) {
      const lineEnd = nextLineEnd(document, offset);
      const line = document.slice(offset, lineEnd);
      if (line.trim() !== '' && !/^\s/.test(line)) break; // the mapping ends at the next top-level key
      const entry = /^\s+[\w.-]+:[ \t]*(["']?)([^"'\s#]+)\1[ \t]*(?:#.*)?\r?$/d.exec(line);
      const value = entry?.[2];
      const span = entry?.indices?.[2];
      if (value !== undefined && span && isSecretValue(value, encoded)) {
        found.push({ start: start + offset + span[0], end: start + offset + span[1], secret: value });
      }
      offset = lineEnd + 1;
    }
  }
  return found;
};

function isSecretValue(value: string, encoded: boolean): boolean {
  if (isPlaceholderValue(value) || value.startsWith('{{') || value.startsWith('$')) return false;
  if (!encoded) return value.length >= 4;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8').trim();
  return decoded.length >= 4 && !isPlaceholderValue(decoded);
}

/** The YAML document (between `---` separators) that holds `offset`. */
function documentAround(text: string, offset: number): { start: number; end: number } {
  const { separators } = split(text);
  // The last separator at or before `offset` (binary search: a file may hold thousands of documents).
  let lo = 0;
  let hi = separators.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (separators[mid]![0] <= offset) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? separators[lo - 1]![1] : 0;
  const end = lo < separators.length ? separators[lo]![0] : text.length;
  return { start, end };
}

// The split of the last text seen: a file with many Secret documents is split once, not once per document.
let cached: { text: string; separators: Array<[number, number]>; read: Set<number>; lastMatch: number } | undefined;

function split(text: string): { separators: Array<[number, number]>; read: Set<number>; lastMatch: number } {
  if (cached?.text !== text) {
    const separators: Array<[number, number]> = [];
    for (const m of text.matchAll(/^---[ \t]*(?:#.*)?\r?$/gm)) separators.push([m.index, m.index + m[0].length]);
    cached = { text, separators, read: new Set(), lastMatch: -1 };
  }
  return cached;
}

/**
 * The starts of the documents of `text` read in this scan. One scan sees its matches in increasing order, so
 * a match at or before the previous one starts a new scan of the same text, which reads every document again.
 */
function documentsRead(text: string, matchIndex: number): Set<number> {
  const documents = split(text);
  if (matchIndex <= documents.lastMatch) documents.read = new Set();
  documents.lastMatch = matchIndex;
  return documents.read;
}

function nextLineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}
