import { type Finding, redactSpans, scanTokens } from '@secret-hygiene/core';

/**
 * Last line of defence for text we did not write ourselves (a parser's or the OS's error message may quote
 * the offending source): any token the detector recognises in it is redacted before it is printed.
 */
export function scrubSecrets(text: string): string {
  let clean = scrubbed.get(text);
  if (clean === undefined) {
    const matches = scanTokens(text);
    clean = matches.length === 0 ? text : redactSpans(text, matches.map((m) => [m.start, m.end] as const));
    if (scrubbed.size >= MAX_REMEMBERED) scrubbed.clear();
    scrubbed.set(text, clean);
  }
  return clean;
}

/** Messages and flow notes repeat across findings (same rule, same sink): each distinct text is scanned once. */
const scrubbed = new Map<string, string>();
const MAX_REMEMBERED = 10_000;

/** A finding with every free-text field of a front end's passed through `scrubSecrets`. */
export function scrubFinding(finding: Finding): Finding {
  return {
    ...finding,
    message: scrubSecrets(finding.message),
    evidence: scrubSecrets(finding.evidence),
    ...(finding.flow ? { flow: finding.flow.map((step) => ({ ...step, note: scrubSecrets(step.note) })) } : {}),
  };
}
