import { analyzeSourceFile, loadTypescript, mayReport, type FlowOptions, type FlowResult } from '@secret-hygiene/flow';
import type { TSESLint } from '@typescript-eslint/utils';
import { typeScriptView } from './typescript-source.js';

const ts = loadTypescript();

/**
 * One analysis per file and option set: the four flow rules each ask for their results, the engine walks the
 * file once. Keyed by ESLint's SourceCode object, so a cache entry dies with the lint run.
 */
const resultsBySource = new WeakMap<object, Map<string, FlowResult[]>>();

export function flowResults(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fileName: string,
  options: FlowOptions,
): FlowResult[] {
  let byOptions = resultsBySource.get(sourceCode);
  if (!byOptions) {
    byOptions = new Map();
    resultsBySource.set(sourceCode, byOptions);
  }
  const key = JSON.stringify(options);
  let results = byOptions.get(key);
  if (!results) {
    const view = typeScriptView(sourceCode, fileName);
    if (!view) results = [];
    else if (view.checker) results = analyzeSourceFile(ts, view.sourceFile, { ...options, checker: view.checker });
    // Without types, a file with no secret-looking name (outside types), secret read, token or plain-HTTP URL has
    // nothing to report.
    else results = mayReport(view.sourceFile, options, ts) ? analyzeSourceFile(ts, view.sourceFile, options) : [];
    byOptions.set(key, results);
  }
  return results;
}
