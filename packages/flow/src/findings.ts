import type * as TS from 'typescript';
import { LineIndex, fingerprint, type Finding, type FlowStep } from '@secret-hygiene/core';
import { analyzeSourceFile } from './analyze.js';
import { credentialLiteralFindings } from './credential-literals.js';
import type { FlowOptions, FlowResult } from './types.js';
import { loadTypescript } from './typescript.js';

function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  switch (ext) {
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    case '.js':
    case '.mjs':
    case '.cjs':
      return ts.ScriptKind.JS;
    default:
      return ts.ScriptKind.TS;
  }
}

/** For the CLI: parses with the `typescript` package and maps results to core `Finding`s. */
export function flowFindings(file: string, text: string, options: FlowOptions = {}): Finding[] {
  const ts = loadTypescript();
  let sourceFile: TS.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
  } catch (error) {
    if (error instanceof RangeError) throw new Error('the code nests too deeply to parse', { cause: error });
    throw error;
  }
  const lines = new LineIndex(text);
  const occurrences = new Map<string, number>();
  const flows = analyzeSourceFile(ts, sourceFile, options).map((r) => toFinding(file, text, lines, r, occurrences));
  return [...flows, ...credentialLiteralFindings(ts, sourceFile, file)];
}

function toFinding(file: string, text: string, lines: LineIndex, r: FlowResult, occurrences: Map<string, number>): Finding {
  const start = lines.position(r.start);
  const end = lines.position(r.end);
  const snippet = text.slice(r.start, r.end);
  const key = `${r.ruleId}\0${snippet}`;
  const occurrence = occurrences.get(key) ?? 0;
  occurrences.set(key, occurrence + 1);
  const flow: FlowStep[] = r.path.map((step) => {
    const p = lines.position(step.start);
    return { file: step.fileName ?? file, line: p.line, column: p.column, note: step.note };
  });
  return {
    ruleId: r.ruleId,
    severity: r.severity,
    message: r.message,
    file: r.fileName ?? file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    // The sink's code may contain the secret itself; only its shape is shown.
    evidence: evidenceOf(snippet),
    fingerprint: fingerprint({ ruleId: r.ruleId, file: r.fileName ?? file, snippet, occurrence }),
    flow,
  };
}

/** `console.log(…)`: the callee (or the statement keyword) of the sink, never its arguments. */
export function evidenceOf(snippet: string): string {
  const keyword = /^(return|throw|yield)\b/.exec(snippet)?.[1];
  if (keyword) return `${keyword} …`;
  const matched = /^(?:new\s+)?[\w$]+(?:\s*\.\s*[\w$]+)*/.exec(snippet)?.[0] ?? '';
  const head = matched.replace(/\s*\.\s*/g, '.').replace(/\s+/g, ' ');
  if (!head || head.length > 60) return '…';
  return snippet.slice(matched.length).trimStart().startsWith('=') ? `${head} = …` : `${head}(…)`;
}
