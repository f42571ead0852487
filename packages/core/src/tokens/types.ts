import type { Severity } from '../finding.js';

/** Names of the code checks a `kind: structural` catalog entry can ask for. */
export type StructuralCheck =
  | 'jwt'
  | 'private-key'
  | 'kubernetes-secret'
  | 'secret-name'
  | 'connection-url'
  | 'http-credential'
  | 'service-account-json';

/** One entry of `rules/tokens.yaml`, as its schema describes it. */
export interface TokenEntry {
  id: string;
  provider: string;
  description: string;
  kind?: 'regex' | 'structural';
  check?: StructuralCheck;
  pattern: string;
  flags?: string;
  keywords: string[];
  /** Every match starts where one of the keywords does: the pattern runs only at those positions. */
  anchored?: boolean;
  near?: string[];
  window?: number;
  entropy?: number;
  severity?: Severity;
  examples: { match: string[]; nomatch?: string[] };
}

export interface TokenCatalog {
  tokens: TokenEntry[];
  /** Sample credentials published in providers' documentation (they are everywhere and grant nothing). */
  documented?: string[];
  /** Prefixes of keys that are public by design (`pk_live_`): a value starting with one is never reported. */
  public?: string[];
}

/** A credential found in a text. `secret` is the raw value: never print it, only `redact()` or hash it. */
export interface TokenMatch {
  detector: string;
  provider: string;
  description: string;
  severity: Severity;
  /** Offsets of the secret part in the scanned text. */
  start: number;
  end: number;
  secret: string;
}

export interface ScanOptions {
  /** The file the text came from; lockfiles, notebooks and source files are treated by what they are. */
  path?: string;
}
