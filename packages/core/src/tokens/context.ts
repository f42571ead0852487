import { catalogDocument } from '../catalog/builtin.js';
import { defaultNameClassifier, splitWords, type NameVocabulary } from '../names.js';
import type { Candidate } from './checks/index.js';

// Words that say a hex string is a digest or revision, not a key: `sha256 <hex>`, `commit <hex>`, `rev=<hex>`.
const HASH_WORDS = /sha\d*|md5|hash|digest|checksum|commit|integrity|etag|revision|\brev\b|\bref\b|\bblob\b/i;
// `name = "`, `name: '`, `"name": "`, `NAME=`, `name => "`: the assignment right before a value.
const ASSIGNMENT_BEFORE = /([A-Za-z_$][\w$.-]{0,80})["'\]]{0,2}[ \t]{0,4}(?::=|=>|=|:)[ \t]{0,4}["'`]?$/;

/**
 * A prefix-less hex value that sits in a URL path, after `@` (a git ref), or shortly after a word naming a
 * digest is a content hash or commit id, even next to a provider's name (`github.com/wandb/wandb@<sha>`).
 */
export function isHashInContext(text: string, candidate: Candidate): boolean {
  if (!/^[0-9a-f]+$|^[0-9A-F]+$/.test(candidate.secret)) return false;
  const before = text.slice(Math.max(0, candidate.start - 32), candidate.start);
  return /[@/#]$/.test(before) || HASH_WORDS.test(before);
}

/** A value cut short for display (`sk-proj-abc123...`, `…ghp_x`): a reference to a token, not the token. */
export function isTruncatedInContext(text: string, candidate: Candidate): boolean {
  const after = text.slice(candidate.end, candidate.end + 3);
  const before = text.slice(Math.max(0, candidate.start - 3), candidate.start);
  return after.startsWith('...') || after.startsWith('…') || before.endsWith('...') || before.endsWith('…');
}

/**
 * How many base64 characters a match must be glued to, on its two sides together, to be a piece of a blob: more
 * than a URL's path or a key file's line (64) holds.
 */
const BLOB_MARGIN = 128;

function isBase64Code(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47;
}

/**
 * A match cut out of a longer run of base64 (an embedded WebAssembly module, an image, a font): `/EAAAoBUAACM…`
 * spells a provider's prefix by chance. A token is written whole, so the run it sits in ends where it ends.
 */
export function isInsideBlob(text: string, candidate: Candidate): boolean {
  let glued = 0;
  for (let i = candidate.start - 1; i >= 0 && glued < BLOB_MARGIN && isBase64Code(text.charCodeAt(i)); i--) glued++;
  for (let i = candidate.end; i < text.length && glued < BLOB_MARGIN && isBase64Code(text.charCodeAt(i)); i++) glued++;
  return glued >= BLOB_MARGIN;
}

/** The variable, key or property a value is assigned to, when the text right before it is an assignment. */
export function assignedName(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 100), start);
  const name = ASSIGNMENT_BEFORE.exec(before)?.[1];
  return name?.split('.').filter(Boolean).pop();
}

/**
 * A prefix-less value assigned to a name that says it holds something else: an id, a digest, a version, a URL
 * (`app_id`, `commit_sha`, `model_version`). Names the vocabulary does not know (`BUNDLE_..._COM`) say nothing.
 */
export function isAssignedToNonSecretName(text: string, candidate: Candidate): boolean {
  const name = assignedName(text, candidate.start);
  if (name === undefined || defaultNameClassifier().classify(name) !== 'no') return false;
  const words = splitWords(name);
  // Compounds the vocabulary does not split (`NGROK_AUTHTOKEN`, `apitoken`) still name a credential.
  if (words.some((w) => /(?:token|key|secret|password|passwd|pwd|pass)$/.test(w))) return false;
  const { metadataWords, sanitizedWords } = catalogDocument<NameVocabulary>('names');
  nonSecretWords ??= new Set([...metadataWords, ...sanitizedWords]);
  return words.some((w) => nonSecretWords!.has(w));
}

let nonSecretWords: Set<string> | undefined;

/** Whether one of `words` occurs within `window` characters of `[start, end)` (case-insensitively). */
export function isNear(text: string, start: number, end: number, words: readonly string[], window: number): boolean {
  const around = text.slice(Math.max(0, start - window), Math.min(text.length, end + window)).toLowerCase();
  return words.some((w) => around.includes(w));
}
