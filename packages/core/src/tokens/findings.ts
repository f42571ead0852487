import type { Finding } from '../finding.js';
import { fingerprint } from '../fingerprint.js';
import { LineIndex } from '../positions.js';
import { redact } from '../redact.js';
import type { CompiledCatalog } from './compile.js';
import { scanTokens } from './scan.js';
import type { TokenMatch } from './types.js';

export const HARDCODED_SECRET_RULE = 'no-hardcoded-secret';

/**
 * `no-hardcoded-secret` findings for one file: evidence is redacted, the message names the kind of credential
 * (never its value) and the fingerprint hashes the secret with its occurrence, so it survives line moves.
 * `catalog` replaces the shipped one (a project config may add token formats to it).
 */
export function tokenFindings(file: string, text: string, catalog?: CompiledCatalog): Finding[] {
  const matches = scanTokens(text, { path: file }, catalog);
  if (matches.length === 0) return [];
  const lines = new LineIndex(text);
  const occurrences = new Map<string, number>();
  return matches.map((match) => {
    const occurrence = occurrences.get(match.secret) ?? 0;
    occurrences.set(match.secret, occurrence + 1);
    const start = lines.position(match.start);
    const end = lines.position(match.end);
    return {
      ruleId: HARDCODED_SECRET_RULE,
      severity: match.severity,
      message: tokenMessage(match),
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      evidence: redact(match.secret),
      fingerprint: fingerprint({ ruleId: HARDCODED_SECRET_RULE, file, snippet: match.secret, occurrence }),
      detector: match.detector,
    };
  });
}

/** Names the credential and what to do about it; the value itself never appears. */
export function tokenMessage(match: Pick<TokenMatch, 'description' | 'provider'>): string {
  const kind = match.description.toLowerCase().includes(match.provider.toLowerCase()) ? match.description : `${match.description} (${match.provider})`;
  return `Hardcoded ${kind}. Load it from the environment or a secret store, and rotate the exposed value.`;
}
