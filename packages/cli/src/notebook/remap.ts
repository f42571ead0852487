import { type Finding, LineIndex } from '@secret-hygiene/core';
import type { NotebookSegment } from './segments.js';

/**
 * Moves findings computed on a notebook segment to their place in the `.ipynb` file and names the cell,
 * so editors, SARIF viewers and suppression comments all see the notebook's own lines.
 */
export function remapToNotebook(findings: Finding[], segment: NotebookSegment, notebook: LineIndex): Finding[] {
  if (findings.length === 0) return findings;
  const local = new LineIndex(segment.text);
  return findings.map((finding) => {
    const start = notebook.position(segment.toFileOffset(local.offset(finding.line, finding.column)));
    const end = notebook.position(segment.toFileOffset(local.offset(finding.endLine, finding.endColumn)));
    const flow = finding.flow?.map((step) => {
      const at = notebook.position(segment.toFileOffset(local.offset(step.line, step.column)));
      return { ...step, line: at.line, column: at.column };
    });
    return {
      ...finding,
      message: `${finding.message} (${segment.label})`,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(flow ? { flow } : {}),
    };
  });
}
