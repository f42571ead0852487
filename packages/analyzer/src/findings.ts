import { LineIndex, fingerprint, type Finding, type FlowStep } from '@secret-hygiene/core';
import { evidenceOf, type FlowResult } from '@secret-hygiene/flow';

/** The texts of the analysed files by absolute path, and how to print a path (relative to the working directory). */
export interface FileTable {
  text(file: string): string | undefined;
  display(file: string): string;
}

/**
 * Maps engine results to Findings. A result found while analysing one file may sit in another (a sink inside a
 * callee), and its path may cross several: every position is read in its own file. One finding per rule and
 * sink position, whichever file's analysis reached it first.
 */
export function resultsToFindings(resultsByFile: ReadonlyMap<string, readonly FlowResult[]>, files: FileTable): Finding[] {
  const lines = new Map<string, LineIndex>();
  const indexOf = (file: string) => {
    let index = lines.get(file);
    if (!index) lines.set(file, (index = new LineIndex(files.text(file) ?? '')));
    return index;
  };
  const seen = new Set<string>();
  const occurrences = new Map<string, number>();
  const findings: Finding[] = [];
  for (const [analysed, results] of [...resultsByFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const r of results) {
      const file = r.fileName ?? analysed;
      const text = files.text(file);
      if (text === undefined) continue;
      const key = `${r.ruleId}\0${file}\0${r.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const start = indexOf(file).position(r.start);
      const end = indexOf(file).position(r.end);
      const snippet = text.slice(r.start, r.end);
      const display = files.display(file);
      const occurrenceKey = `${r.ruleId}\0${display}\0${snippet}`;
      const occurrence = occurrences.get(occurrenceKey) ?? 0;
      occurrences.set(occurrenceKey, occurrence + 1);
      const flow: FlowStep[] = r.path.map((step) => {
        const stepFile = step.fileName ?? analysed;
        const p = indexOf(stepFile).position(step.start);
        return { file: files.display(stepFile), line: p.line, column: p.column, note: step.note };
      });
      findings.push({
        ruleId: r.ruleId,
        severity: r.severity,
        message: r.message,
        file: display,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        evidence: evidenceOf(snippet),
        fingerprint: fingerprint({ ruleId: r.ruleId, file: display, snippet, occurrence }),
        flow,
      });
    }
  }
  return findings;
}
