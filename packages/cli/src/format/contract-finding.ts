import type { Finding } from '@secret-hygiene/core';

/**
 * A finding as the report contract defines it: the contract's fields in its order, nothing a front end might add.
 * The JSON report prints this and the result cache stores it, so a cached run reports exactly what a fresh one does.
 */
export function contractFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    evidence: f.evidence,
    fingerprint: f.fingerprint,
    ...(f.detector !== undefined ? { detector: f.detector } : {}),
    ...(f.flow !== undefined ? { flow: f.flow.map((s) => ({ file: s.file, line: s.line, column: s.column, note: s.note })) } : {}),
  };
}
