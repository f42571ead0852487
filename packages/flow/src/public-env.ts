// A server secret read under a prefix that a bundler inlines into the code it ships to browsers.
import { splitWords } from '@secret-hygiene/core';
import type { NameJudge } from './names.js';
import type { FlowTables } from './tables.js';

/**
 * The public prefix of an environment name that holds a server secret (`NEXT_PUBLIC_` of
 * `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY`, `VITE_` of `VITE_OPENAI_API_KEY`): Next.js, Vite and the like inline
 * such a variable into the browser bundle, so every visitor gets the secret. Undefined for other names and for
 * values made for browsers (`NEXT_PUBLIC_SUPABASE_ANON_KEY`, `NEXT_PUBLIC_FIREBASE_API_KEY`).
 */
export function publicEnvPrefix(t: FlowTables, names: NameJudge, name: string): string | undefined {
  const prefix = t.publicEnvPrefixes.find((p) => name.startsWith(p) && name.length > p.length);
  if (prefix === undefined) return undefined;
  const rest = name.slice(prefix.length);
  const words = splitWords(rest);
  if (words.some((w) => t.publicEnvWords.has(w))) return undefined;
  return names.classify(rest) === 'secret' || words.some((w) => t.serverSecretWords.has(w)) ? prefix : undefined;
}
