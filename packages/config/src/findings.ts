import { fingerprint, ruleMeta, type Finding, type Severity } from '@secret-hygiene/core';
import type { Span } from './yaml-config.js';

export interface FindingDraft {
  ruleId: string;
  file: string;
  span: Span;
  /** Says what is wrong and what to do; never contains a secret's value. */
  message: string;
  /** Already redacted, or a name that is not secret. */
  evidence: string;
  /** What the finding is about (a setting path, a read): the line-independent part of its fingerprint. */
  snippet: string;
  severity?: Severity;
}

/** Collects findings, filling in severity from the rule registry and fingerprints that survive edits. */
export class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly occurrences = new Map<string, number>();
  private readonly reported = new Set<string>();

  add(draft: FindingDraft): void {
    // One report per problem and line: `if "x" in s: v = s["x"]` is one undeclared secret, not two.
    const line = `${draft.ruleId}\0${draft.file}\0${draft.span.line}\0${draft.message}`;
    if (this.reported.has(line)) return;
    this.reported.add(line);
    const key = `${draft.ruleId}\0${draft.file}\0${draft.snippet}`;
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    this.findings.push({
      ruleId: draft.ruleId,
      severity: draft.severity ?? ruleMeta(draft.ruleId)?.severity ?? 'error',
      message: draft.message,
      file: draft.file,
      ...draft.span,
      evidence: draft.evidence,
      fingerprint: fingerprint({ ruleId: draft.ruleId, file: draft.file, snippet: draft.snippet, occurrence }),
    });
  }
}
