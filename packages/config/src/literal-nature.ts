import { isPlaceholderValue, redact, redactSpans, scanTokens } from '@secret-hygiene/core';

/** How a committed literal should be described: a real-looking value must be rotated, a placeholder replaced. */
export type LiteralNature = { kind: 'placeholder' } | { kind: 'token'; provider: string } | { kind: 'value' };

export function literalNature(value: string): LiteralNature {
  if (isPlaceholderValue(value)) return { kind: 'placeholder' };
  const match = scanTokens(value)[0];
  return match ? { kind: 'token', provider: match.provider } : { kind: 'value' };
}

/** The sentence a literal finding ends with. */
export function literalAdvice(value: string): string {
  const nature = literalNature(value);
  if (nature.kind === 'placeholder') return 'It looks like a placeholder, but whatever is written here is committed and used as the value.';
  if (nature.kind === 'token') return `It looks like a real ${nature.provider} credential: revoke and rotate it, it is in the repository's history.`;
  return 'If it is a real credential, rotate it: it is in the repository\'s history.';
}

/** `$NAME`, `${NAME}`, `${secrets.NAME}`, `{{ NAME }}`: a reference resolved elsewhere, not a value. */
export function isReference(value: string): boolean {
  return /^\s*(?:\$[A-Za-z_][A-Za-z0-9_]*|\$\{[^{}]{1,200}\}|\$\{\{[^{}]{1,200}\}\}|\{\{[^{}]{1,200}\}\})\s*$/.test(value);
}

/**
 * A name as it may appear in a message: names are not secrets, but someone may have pasted a token where a
 * name belongs, so anything the token detector recognises is redacted.
 */
export function displayName(name: string): string {
  const shown = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return containsCredential(name) ? redact(name) : shown;
}

/** True when the token detector recognises a credential in `text` (a name or message must then be redacted). */
const credentialMemo = new Map<string, boolean>();

export function containsCredential(text: string): boolean {
  let found = credentialMemo.get(text);
  if (found === undefined) {
    found = scanTokens(text).length > 0;
    if (credentialMemo.size < 10_000) credentialMemo.set(text, found);
  }
  return found;
}

/** Parser messages may quote the file; any credential in them is redacted before the message is reported. */
export function safeMessage(message: string): string {
  const spans = scanTokens(message).map((m): [number, number] => [m.start, m.end]);
  return spans.length ? redactSpans(message, spans) : message;
}
