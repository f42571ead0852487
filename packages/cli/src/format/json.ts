import { TOOL_NAME, VERSION } from '../version.js';
import { contractFinding } from './contract-finding.js';
import type { Report } from './report.js';

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
