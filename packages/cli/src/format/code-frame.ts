import { type Finding, type LineIndex, REDACTION_MASK, redact } from '@secret-hygiene/core';

/** Lines of context above and below the finding's line. */
const CONTEXT_LINES = 1;
/** Longer lines (minified code, data) are cut to a window around the finding. */
const MAX_LINE_WIDTH = 160;

export interface FrameLine {
  number: number;
  text: string;
  /** The finding's own line. */
  marked: boolean;
  /** For the marked line: where the finding starts in `text` (0-based) and how wide to underline it. */
  caret?: { at: number; width: number };
}

/** A finding whose evidence was redacted points at secret text: its span is redacted in every frame. */
function holdsSecret(finding: Finding): boolean {
  return finding.evidence.includes(REDACTION_MASK);
}

/** Part of a shown line that holds secret text; `reveal` is false on the later lines of a multi-line secret. */
interface SecretSpan {
  start: number;
  end: number;
  reveal: boolean;
}

/** The parts of `line` (1-based) that each secret-bearing finding covers, as 0-based [start, end) columns. */
function secretSpansOn(line: number, lineLength: number, findings: readonly Finding[]): SecretSpan[] {
  const spans: SecretSpan[] = [];
  for (const f of findings) {
    if (!holdsSecret(f) || line < f.line || line > f.endLine) continue;
    const start = line === f.line ? f.column - 1 : 0;
    const end = line === f.endLine ? f.endColumn - 1 : lineLength;
    // A secret shows its first characters once, on its first line: a key block must not reveal four per line.
    spans.push({ start, end: Math.max(start + 1, end), reveal: line === f.line });
  }
  return spans;
}

/** `line` with every span replaced by its redacted form (overlapping spans merge; a merge reveals nothing unless all parts may). */
function maskLine(line: string, spans: readonly SecretSpan[]): string {
  const merged: SecretSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.reveal &&= span.reveal;
    } else merged.push({ ...span });
  }
  let out = '';
  let at = 0;
  for (const span of merged) {
    const start = Math.min(Math.max(span.start, at), line.length);
    const end = Math.min(span.end, line.length);
    out += line.slice(at, start) + (span.reveal ? redact(line.slice(start, end)) : REDACTION_MASK);
    at = Math.max(end, start);
  }
  return out + line.slice(at);
}

/** Where 0-based `column` of the original line lands after the spans are redacted. */
function shiftedColumn(column: number, spans: readonly SecretSpan[], line: string): number {
  const before = spans.filter((s) => s.start < column).map((s) => ({ ...s, end: Math.min(s.end, column) }));
  return maskLine(line.slice(0, column), before).length;
}

/**
 * Up to three lines around `finding`, with every span of every secret-bearing finding in the file redacted
 * (`fileFindings` must include suppressed and baselined ones: their secrets are still in the text).
 */
export function codeFrame(finding: Finding, index: LineIndex, fileFindings: readonly Finding[]): FrameLine[] {
  const lastLine = index.text.endsWith('\n') ? index.starts.length - 1 : index.starts.length; // no phantom line after the final break
  const frame: FrameLine[] = [];
  for (let n = Math.max(1, finding.line - CONTEXT_LINES); n <= Math.min(lastLine, finding.line + CONTEXT_LINES); n++) {
    const original = index.lineText(n);
    const spans = secretSpansOn(n, original.length, fileFindings);
    let shown = maskLine(original, spans);
    const marked = n === finding.line;
    let caret: FrameLine['caret'];
    if (marked) {
      const at = shiftedColumn(Math.min(finding.column - 1, original.length), spans, original);
      const endColumn = finding.endLine === n ? finding.endColumn - 1 : original.length;
      const end = shiftedColumn(Math.min(endColumn, original.length), spans, original);
      caret = { at, width: Math.max(1, end - at) };
    }
    if (shown.length > MAX_LINE_WIDTH) {
      const from = Math.max(0, (caret?.at ?? 0) - 40);
      shown = (from > 0 ? '…' : '') + shown.slice(from, from + MAX_LINE_WIDTH) + (from + MAX_LINE_WIDTH < shown.length ? '…' : '');
      if (caret) caret = { at: caret.at - from + (from > 0 ? 1 : 0), width: Math.min(caret.width, MAX_LINE_WIDTH) };
    }
    frame.push({ number: n, text: shown, marked, ...(caret ? { caret } : {}) });
  }
  return frame;
}
