import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
export function hashParts(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex');
}

/** Hex SHA-256 of one text (a file's content). */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * JSON with object keys sorted and Sets and Maps written as sorted arrays, so equal option objects give equal
 * text whatever order their fields were set in. A function cannot be compared: it throws, and the caller runs
 * without the cache.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') throw new TypeError('a function or symbol has no stable form');
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Set) return { $set: [...value].map(normalise).map((v) => JSON.stringify(v)).sort() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => JSON.stringify([normalise(k), normalise(v)])).sort() };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = normalise(field);
  }
  return out;
}
