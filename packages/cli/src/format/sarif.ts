import type { Finding, FlowStep, RuleMeta } from '@secret-hygiene/core';
import { RULES, docsUrl } from '@secret-hygiene/core';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { TOOL_NAME, VERSION } from '../version.js';
import type { Report } from './report.js';

const SRCROOT = '%SRCROOT%';
const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key under which results carry our line-independent fingerprint (see core `fingerprint`). */
export const FINGERPRINT_KEY = 'secretHygiene/v1';

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function physical(file: string, line: number, column: number, endLine?: number, endColumn?: number): Sarif.PhysicalLocation {
  const region: Sarif.Region = { startLine: line, startColumn: column };
  if (endLine !== undefined && endColumn !== undefined) Object.assign(region, { endLine, endColumn });
  return { artifactLocation: { uri: uriOf(file), uriBaseId: SRCROOT }, region };
}

function descriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: meta.short },
    fullDescription: { text: meta.full },
    helpUri: docsUrl(meta.id),
    help: { text: `${meta.full} See ${docsUrl(meta.id)}` },
    defaultConfiguration: { level: meta.severity },
    properties: { tags: ['security', 'secrets'] },
  };
}

function codeFlow(flow: FlowStep[]): Sarif.CodeFlow {
  return {
    threadFlows: [
      {
        locations: flow.map((step) => ({
          location: { physicalLocation: physical(step.file, step.line, step.column), message: { text: step.note } },
        })),
      },
    ],
  };
}

function result(finding: Finding, ruleIndex: Map<string, number>): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: finding.ruleId,
    level: finding.severity,
    message: { text: finding.message },
    locations: [
      { physicalLocation: physical(finding.file, finding.line, finding.column, finding.endLine, finding.endColumn) },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: { evidence: finding.evidence, ...(finding.detector ? { detector: finding.detector } : {}) },
  };
  const index = ruleIndex.get(finding.ruleId);
  if (index !== undefined) out.ruleIndex = index;
  if (finding.flow && finding.flow.length > 0) out.codeFlows = [codeFlow(finding.flow)];
  return out;
}

/** A SARIF 2.1.0 log with one run: every rule of the registry, results with regions, fingerprints and flows. */
export function formatSarif(report: Report): string {
  const metas = [...RULES()];
  const known = new Set(metas.map((m) => m.id));
  // A front end's rule missing from the registry still gets a descriptor, so every result resolves.
  for (const f of report.findings) {
    if (!known.has(f.ruleId)) {
      known.add(f.ruleId);
      metas.push({ id: f.ruleId, severity: f.severity, short: f.ruleId, full: f.ruleId });
    }
  }
  const ruleIndex = new Map(metas.map((m, i) => [m.id, i]));
  const log: Sarif.Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: VERSION, semanticVersion: VERSION, rules: metas.map(descriptor) } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : `${report.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, ruleIndex)),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'warning' as const,
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(e.file), uriBaseId: SRCROOT } } }],
            })),
          },
        ],
        properties: { stats: report.stats },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
