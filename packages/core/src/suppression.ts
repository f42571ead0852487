import type { Finding } from './finding.js';
import { fingerprint } from './fingerprint.js';

export const SUPPRESSION_MARKER = 'secret-hygiene-ignore';
export const INVALID_SUPPRESSION_RULE = 'invalid-suppression';

export interface Suppression {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  /** The line whose findings it silences: its own when it trails code, else the next one. */
  target: number;
  ruleIds: string[];
  reason: string;
}

const COMMENT_OPENERS = ['//', '#', '<!--', '/*', '--', ';'];

/**
 * Finds `secret-hygiene-ignore <rule-id>[,<rule-id>] -- reason` in `//`, `#`, `<!-- -->` and `/* *\/` comments.
 * Plain string scanning rather than a regex so adversarial lines stay linear.
 */
export function parseSuppressions(text: string): Suppression[] {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const out: Suppression[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const at = raw.indexOf(SUPPRESSION_MARKER);
    if (at === -1) return;
    const before = raw.slice(0, at);
    // The leftmost opener starts the comment; code before it means the suppression trails that code.
    const openers = COMMENT_OPENERS.map((o) => before.indexOf(o)).filter((i) => i !== -1);
    if (openers.length === 0) return;
    const opener = Math.min(...openers);
    let rest = raw.slice(at + SUPPRESSION_MARKER.length).replace(/\r$/, '');
    for (const closer of ['-->', '*/']) {
      const c = rest.lastIndexOf(closer);
      if (c !== -1) rest = rest.slice(0, c);
    }
    const dashes = rest.indexOf('--');
    const idsPart = dashes === -1 ? rest : rest.slice(0, dashes);
    const reason = dashes === -1 ? '' : rest.slice(dashes + 2).trim();
    const ruleIds = idsPart.split(/[\s,]+/).filter(Boolean);
    const trailsCode = before.slice(0, opener).trim() !== '';
    out.push({ line: index + 1, column: at + 1, target: trailsCode ? index + 1 : index + 2, ruleIds, reason });
  });
  return out;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: number;
  /** Suppression comments without a rule id or a reason: reported, and they silence nothing. */
  invalid: Finding[];
}

/** Drops findings silenced by a valid suppression comment in the same file's text. */
export function applySuppressions(findings: Finding[], file: string, text: string): SuppressionResult {
  const suppressions = parseSuppressions(text);
  if (suppressions.length === 0) return { kept: findings, suppressed: 0, invalid: [] };
  const valid = suppressions.filter((s) => s.ruleIds.length > 0 && s.reason !== '');
  const invalid = suppressions
    .filter((s) => !valid.includes(s))
    .map<Finding>((s) => ({
      ruleId: INVALID_SUPPRESSION_RULE,
      severity: 'warning',
      message:
        s.ruleIds.length === 0
          ? `Suppression names no rule: write "${SUPPRESSION_MARKER} <rule-id> -- <reason>".`
          : `Suppression of ${s.ruleIds.join(', ')} gives no reason: add " -- <why this is safe>"; it silences nothing until then.`,
      file,
      line: s.line,
      column: s.column,
      endLine: s.line,
      endColumn: s.column + SUPPRESSION_MARKER.length,
      evidence: SUPPRESSION_MARKER,
      fingerprint: fingerprint({ ruleId: INVALID_SUPPRESSION_RULE, file, snippet: s.ruleIds.join(','), occurrence: s.line }),
    }));
  let suppressed = 0;
  const kept = findings.filter((f) => {
    const hit = valid.some((s) => s.target === f.line && (s.ruleIds.includes(f.ruleId) || (f.detector !== undefined && s.ruleIds.includes(f.detector))));
    if (hit) suppressed++;
    return !hit;
  });
  return { kept, suppressed, invalid };
}
