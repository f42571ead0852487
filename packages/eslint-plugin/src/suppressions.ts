import { parseSuppressions, type Suppression } from '@secret-hygiene/core';
import type { TSESLint } from '@typescript-eslint/utils';

const bySource = new WeakMap<object, Suppression[]>();

/** The file's valid `secret-hygiene-ignore <rule-id> -- reason` comments (one without a reason silences nothing). */
function validSuppressions(sourceCode: Readonly<TSESLint.SourceCode>): Suppression[] {
  let found = bySource.get(sourceCode);
  if (!found) {
    found = parseSuppressions(sourceCode.text).filter((s) => s.ruleIds.length > 0 && s.reason !== '');
    bySource.set(sourceCode, found);
  }
  return found;
}

/**
 * Whether a `secret-hygiene-ignore` comment silences a report of `ruleId` (or of the token `detector`) on `line`,
 * so the editor agrees with `secret-audit`, which honours the same comments.
 */
export function isSuppressed(
  sourceCode: Readonly<TSESLint.SourceCode>,
  line: number,
  ruleId: string,
  detector?: string,
): boolean {
  return validSuppressions(sourceCode).some(
    (s) => s.target === line && (s.ruleIds.includes(ruleId) || (detector !== undefined && s.ruleIds.includes(detector))),
  );
}
