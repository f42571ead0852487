import { catalogDocument } from './catalog/builtin.js';
import type { Severity } from './finding.js';

export interface RuleMeta {
  id: string;
  severity: Severity;
  short: string;
  full: string;
}

/** Where each rule's page (rules/docs/<id>.md) is published; ESLint meta.docs.url and SARIF helpUri use it. */
export const DOCS_BASE = 'https://github.com/secret-hygiene/secret-hygiene/blob/main/rules/docs/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** All rules, in catalog order. */
export function RULES(): RuleMeta[] {
  return catalogDocument<{ rules: RuleMeta[] }>('rules').rules;
}

export function ruleMeta(ruleId: string): RuleMeta | undefined {
  return RULES().find((r) => r.id === ruleId);
}
