import { applySuppressions, type Baseline, type Finding, filterByBaseline, HARDCODED_SECRET_RULE, type Severity } from '@secret-hygiene/core';
import type { SourceFile } from './files/source-file.js';

function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Whether `outer`'s span contains `inner`'s. */
function contains(outer: Finding, inner: Finding): boolean {
  const startsBefore = outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const endsAfter = outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return startsBefore && endsAfter;
}

function sameSource(a: Finding, b: Finding): boolean {
  const [x, y] = [a.flow?.[0], b.flow?.[0]];
  return x !== undefined && y !== undefined && x.file === y.file && x.line === y.line && x.column === y.column;
}

/**
 * One finding per leak. Two front ends may report the same thing (same rule, file, line and column: the first
 * wins), and a flow may be reported at nested sinks of one statement (`raise HTTPException(x)` and the
 * `HTTPException(x)` inside it): of flows of one rule from the same source whose sink spans nest on one line,
 * the outermost stays. A hardcoded literal may be reported by the token scan at its value and by a credential check
 * at the whole literal: of nested spans that show the same value, the inner stays (a token inside a connection URL
 * is another secret).
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const byLine = new Map<string, Finding[]>();
  for (const f of unique) {
    if (!f.flow && f.ruleId !== HARDCODED_SECRET_RULE) continue;
    const key = `${f.ruleId}\0${f.file}\0${f.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), f]);
  }
  const nested = new Set<Finding>();
  for (const group of byLine.values()) {
    for (const inner of group) {
      if (inner.ruleId === HARDCODED_SECRET_RULE) {
        const outer = group.find((other) => other !== inner && !nested.has(other) && other.evidence === inner.evidence && contains(other, inner));
        if (outer) nested.add(outer);
      } else if (group.some((outer) => outer !== inner && !nested.has(outer) && contains(outer, inner) && sameSource(outer, inner))) nested.add(inner);
    }
  }
  return nested.size === 0 ? unique : unique.filter((f) => !nested.has(f));
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

/** The config's `rules`: a rule set to `off` is not reported; any other value replaces the rule's severity. */
export function applyRuleSeverities(findings: Finding[], rules: Readonly<Record<string, Severity | 'off'>>): Finding[] {
  if (Object.keys(rules).length === 0) return findings;
  return findings.flatMap((finding) => {
    const setting = rules[finding.ruleId];
    if (setting === undefined) return [finding];
    return setting === 'off' ? [] : [{ ...finding, severity: setting }];
  });
}
