import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Finding } from './finding.js';

/** Known findings a team has accepted for now; new ones still fail the run. Holds no secret text. */
export interface Baseline {
  version: 1;
  findings: Array<{ fingerprint: string; ruleId: string; file: string }>;
}

export class BaselineError extends Error {}

export function readBaseline(path: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${(error as Error).message}`);
  }
  const b = parsed as Partial<Baseline>;
  if (b?.version !== 1 || !Array.isArray(b.findings) || b.findings.some((f) => typeof f?.fingerprint !== 'string')) {
    throw new BaselineError(`baseline ${path} is not a secret-audit baseline (version 1 with a findings list)`);
  }
  return b as Baseline;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const seen = new Set<string>();
  const entries = findings
    .filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint))
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 1, findings: entries };
}

export function writeBaseline(path: string, findings: readonly Finding[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(createBaseline(findings), null, 2) + '\n');
}

/** Findings not in the baseline. */
export function filterByBaseline(findings: Finding[], baseline: Baseline): Finding[] {
  const known = new Set(baseline.findings.map((f) => f.fingerprint));
  return findings.filter((f) => !known.has(f.fingerprint));
}
