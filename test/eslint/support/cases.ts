// RuleTester cases for the plugin's rules, kept as data in test/eslint/cases/<rule>.yaml.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ExpectedError {
  /** 1-based line where the report starts: the sink for flow rules, the token for hardcoded secrets. */
  line: number;
  column?: number;
  messageId?: string;
  /** The message's placeholders (`{ message: 'The secret from … is logged by console.log.' }`), asserted exactly. */
  data?: Record<string, string>;
  /** require-https: the whole file after applying the `https://` suggestion. */
  suggestion?: string;
}

export interface RuleCase {
  /** Shown as the test title; the code is used when it is missing. */
  name?: string;
  code: string;
  /** `file.ts` unless given; `.js`/`.jsx`/`.tsx` select those dialects. */
  filename?: string;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** Linted with type information (the typed fixture project under test/eslint/typed). */
  typed?: boolean;
  /** A case the engine does not get right yet: run as an expected failure, listed in the report. */
  knownGap?: boolean;
  errors?: ExpectedError[];
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: RuleCase[];
}

export function loadCases(ruleId: string): RuleCases {
  const file = fileURLToPath(new URL(`../cases/${ruleId}.yaml`, import.meta.url));
  const doc = parse(readFileSync(file, 'utf8')) as Partial<RuleCases> | null;
  return { valid: doc?.valid ?? [], invalid: doc?.invalid ?? [] };
}
