import { applySuppressions, type Baseline, type Finding, filterByBaseline } from '@secret-hygiene/core';
import type { SourceFile } from './files/source-file.js';

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Two front ends may report the same thing: one finding per rule, file, line and column (the first wins). */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Settled {
  findings: Finding[];
  suppressed: number;
}

/**
 * Applies each file's `secret-hygiene-ignore` comments. Suppressions without a reason become findings of
 * their own, so every file is checked, not only those with findings. Output is sorted by file, line, column.
 */
export function settleFindings(findings: readonly Finding[], files: readonly SourceFile[]): Settled {
  const byFile = new Map<string, Finding[]>();
  for (const finding of dedupe(findings)) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const kept: Finding[] = [];
  let suppressed = 0;
  const texts = new Map(files.map((file) => [file.path, file.text]));
  for (const [file, text] of texts) {
    const result = applySuppressions(byFile.get(file) ?? [], file, text);
    kept.push(...result.kept, ...result.invalid);
    suppressed += result.suppressed;
    byFile.delete(file);
  }
  for (const rest of byFile.values()) kept.push(...rest); // findings about files outside the scanned set
  return { findings: kept.sort(compareFindings), suppressed };
}

/** Findings the baseline does not know, and how many it accepted. */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined): { findings: Finding[]; baselined: number } {
  if (!baseline) return { findings, baselined: 0 };
  const fresh = filterByBaseline(findings, baseline);
  return { findings: fresh, baselined: findings.length - fresh.length };
}

/** Exit status 1 only for findings of severity error; warnings and notes are shown but do not fail a run. */
export function failsRun(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
