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
    const startOffset = local.offset(finding.line, finding.column);
    const start = notebook.position(segment.toFileOffset(startOffset));
    // The end is exclusive: map the last character and step past it, so a span ending at a cell line's end stays
    // on that line of the JSON instead of jumping to the next string.
    const endOffset = local.offset(finding.endLine, finding.endColumn);
    const end = notebook.position(endOffset > startOffset ? segment.toFileOffset(endOffset - 1) + 1 : segment.toFileOffset(startOffset));
    const flow = finding.flow?.map((step) => {
      const at = notebook.position(segment.toFileOffset(local.offset(step.line, step.column)));
      return { ...step, line: at.line, column: at.column };
    });
    return {
      ...finding,
      message: `${finding.message} (${segment.labelAt?.(startOffset) ?? segment.label})`,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(flow ? { flow } : {}),
    };
  });
}
