import type { Finding, InputError } from '@secret-hygiene/core';
import type { AuditStats } from '../audit.js';

/** Everything a formatter needs about one run. */
export interface Report {
  findings: readonly Finding[];
  errors: readonly InputError[];
  stats: AuditStats;
  /** Scanned texts by path (code frames). */
  sources: ReadonlyMap<string, string>;
  /** Findings before suppression and baseline: their secret spans are redacted in code frames too. */
  unsuppressed: readonly Finding[];
  /** Working directory the paths are relative to (SARIF's %SRCROOT%). */
  cwd: string;
}
