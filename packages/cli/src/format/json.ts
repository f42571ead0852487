import type { Finding } from '@secret-hygiene/core';
import { TOOL_NAME, VERSION } from '../version.js';
import type { Report } from './report.js';

/** The contract's field set, in the contract's order; nothing a front end might add rides along. */
function contractFinding(f: Finding): Finding {
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

/** `{"version":1,"tool":{...},"findings":[...],"errors":[...],"stats":{...}}`, as the CLI contract fixes it. */
export function formatJson(report: Report): string {
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    findings: report.findings.map(contractFinding),
    errors: report.errors.map((e) => ({ file: e.file, message: e.message })),
    stats: report.stats,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
