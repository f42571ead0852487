// Compares what ESLint reported with the `$ Alert[rule-id]` annotations written beside fixture code.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { ESLint } from 'eslint';
import { parseAnnotations, annotationKey } from '../../support/annotations.js';

/** The rule ids this front end reports; annotations for other ids belong to other front ends. */
export const ESLINT_RULE_IDS = new Set([
  'no-hardcoded-secret',
  'no-secret-in-log',
  'no-secret-in-error',
  'no-secret-in-output',
  'require-https',
]);
const PREFIX = 'secret-hygiene/';

export interface Comparison {
  missing: string[];
  extra: string[];
  /** Parse errors and crashes: a fixture ESLint cannot read proves nothing. */
  fatal: string[];
}

/** `file:line:rule` keys, `file` relative to `root`. */
export function compareWithAnnotations(root: string, results: ESLint.LintResult[]): Comparison {
  const expected = new Set<string>();
  const known = new Set<string>();
  const actual = new Set<string>();
  const fatal: string[] = [];
  for (const result of results) {
    const file = relative(root, result.filePath).split('\\').join('/');
    for (const a of parseAnnotations(file, readFileSync(result.filePath, 'utf8'))) {
      if (!ESLINT_RULE_IDS.has(a.ruleId)) continue;
      // A known miss is neither required nor an extra: another front end may already find it.
      (a.missing ? known : expected).add(annotationKey(a));
    }
    for (const m of result.messages) {
      if (m.fatal || !m.ruleId) fatal.push(`${file}:${m.line}: ${m.message}`);
      else if (m.ruleId.startsWith(PREFIX)) {
        actual.add(annotationKey({ file, line: m.line, ruleId: m.ruleId.slice(PREFIX.length) }));
      }
    }
  }
  return {
    missing: [...expected].filter((k) => !actual.has(k)).sort(),
    extra: [...actual].filter((k) => !expected.has(k) && !known.has(k)).sort(),
    fatal,
  };
}
