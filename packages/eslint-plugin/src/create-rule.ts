// The subpath alone: the package's index also loads ESLint's classes (a second copy under another ESLint).
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import { docsUrl, ruleMeta } from '@secret-hygiene/core';

/** What every rule of this plugin adds to `meta.docs`. */
export interface SecretHygieneDocs {
  /** Enabled by `configs.recommended`. */
  recommended?: boolean;
  /** Uses the type checker when the file was parsed with type information; works without it too. */
  requiresTypeChecking?: boolean;
}

/** typescript-eslint's rule factory; `meta.docs.url` points at the rule's page under `rules/docs/`. */
export const createRule = RuleCreator<SecretHygieneDocs>((name) => docsUrl(name));

/** `meta.docs.description`, from the rule registry (`rules/rules.yaml`) that SARIF and the docs read too. */
export function describeRule(ruleId: string): string {
  const meta = ruleMeta(ruleId);
  if (!meta) throw new Error(`rule ${ruleId} is missing from rules/rules.yaml`);
  return meta.short;
}
