import * as ts from 'typescript';
import { analyzeSourceFile, mayReport, type FlowOptions, type FlowResult } from '@secret-hygiene/flow';

/** Runs the engine untyped over a snippet. */
export function analyze(code: string, options: FlowOptions = {}, fileName = 'snippet.ts'): FlowResult[] {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const results = analyzeSourceFile(ts, sf, options);
  // The ESLint plugin skips files mayReport rules out: every snippet with results checks that it does not.
  if (results.length > 0 && !mayReport(sf, options)) throw new Error('mayReport would skip a snippet that has results');
  if (results.length > 0 && !mayReport(sf, options, ts)) throw new Error('mayReport (names in types left out) would skip a snippet that has results');
  return results;
}

/** `rule@line` for each result, sorted: compact to compare. */
export function hits(code: string, options: FlowOptions = {}): string[] {
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length;
  return analyze(code, options).map((r) => `${r.ruleId}@${lineOf(r.start)}`).sort();
}

/** The rules reported for a snippet, without lines. */
export function rules(code: string, options: FlowOptions = {}): string[] {
  return [...new Set(analyze(code, options).map((r) => r.ruleId))].sort();
}
