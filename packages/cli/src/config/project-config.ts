import type { CompiledCatalog, Severity } from '@secret-hygiene/core';

/** The name lists every code front end takes: the same keys as the ESLint rules' options. */
export interface NameLists {
  extraLoggers?: string[];
  extraSanitizers?: string[];
  extraSecretTypes?: string[];
  extraSecretEnv?: string[];
  extraEntryPoints?: string[];
}

/** One project-defined token format, as `.secret-audit.yaml` spells it. */
export interface TokenFormat {
  id: string;
  description: string;
  provider?: string;
  pattern: string;
  flags?: string;
  keywords: string[];
  severity?: Severity;
}

/** What `.secret-audit.yaml` (or `.json`) holds; see rules/schema/secret-audit-config.schema.json. */
export interface ConfigFile extends NameLists {
  extraTokens?: TokenFormat[];
  ignorePaths?: string[];
  rules?: Record<string, Severity | 'off'>;
}

/** A loaded, validated config, ready for the scanners. */
export interface ProjectConfig {
  /** The file it came from, for messages. */
  file: string;
  /** The directory `ignorePaths` are relative to. */
  root: string;
  names: NameLists;
  /** The shipped token catalog plus `extraTokens`; absent when the config adds none. */
  tokenCatalog?: CompiledCatalog;
  ignorePaths: string[];
  rules: Record<string, Severity | 'off'>;
  /** The validated file content: what the result cache keys on (the compiled token catalog has no stable form). */
  settings: ConfigFile;
}

/** A config file that cannot be used: names the file and the key, never a value (exit 2). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
