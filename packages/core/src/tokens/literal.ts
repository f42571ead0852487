import { scanTokens } from './scan.js';
import type { TokenMatch } from './types.js';

/**
 * The credential one string literal of code holds, if any. `name` is the variable or property it is assigned
 * to: it gives prefix-less formats their context (`aws_secret_access_key`) and drives the generic secret-name
 * rule. Offsets are relative to `value`.
 */
export function classifyLiteral(value: string, context: { name?: string } = {}): TokenMatch | undefined {
  const prefix = context.name ? `${context.name} = "` : '"';
  const text = `${prefix}${value}"`;
  const inside = scanTokens(text).filter((m) => m.start >= prefix.length && m.end <= prefix.length + value.length);
  const best = inside.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return best && { ...best, start: best.start - prefix.length, end: best.end - prefix.length };
}
