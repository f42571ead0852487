import { type Finding, redactSpans, scanTokens } from '@secret-hygiene/core';

/**
 * Last line of defence for text we did not write ourselves (a parser's or the OS's error message may quote
 * the offending source): any token the detector recognises in it is redacted before it is printed.
 */
export function scrubSecrets(text: string): string {
  const matches = scanTokens(text);
  return matches.length === 0 ? text : redactSpans(text, matches.map((m) => [m.start, m.end] as const));
}

/** A finding with every free-text field of a front end's passed through `scrubSecrets`. */
export function scrubFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: scrubSecrets(finding.message),
    evidence: scrubSecrets(finding.evidence),
    ...(finding.flow ? { flow: finding.flow.map((step) => ({ ...step, note: scrubSecrets(step.note) })) } : {}),
  };
}
