import type { Finding, InputError } from '@secret-hygiene/core';
import { failsRun } from '../postprocess.js';
import { MergeInputError, mergeStats } from './sarif.js';

/** The `--format json` report (packages/cli/schema/report.schema.json). */
export interface JsonReport {
  version: 1;
  tool: { name: string; version: string };
  findings: Finding[];
  errors: InputError[];
  stats: Record<string, number>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(JSON.stringify(a), JSON.stringify(b));
}

function reportOf(value: unknown, name: string): JsonReport {
  const report = value as JsonReport;
  if (typeof report !== 'object' || report === null || report.version !== 1 || !Array.isArray(report.findings) || !Array.isArray(report.errors)) {
    throw new MergeInputError(`${name}: not a secret-audit JSON report (version 1)`);
  }
  return report;
}

/** The JSON reports of several shards as one: findings and errors deduplicated and sorted, stats combined. */
export function mergeJsonReports(inputs: ReadonlyArray<{ name: string; log: unknown }>): JsonReport {
  const reports = inputs.map(({ name, log }) => ({ name, report: reportOf(log, name) }));
  const tool = reports[0]!.report.tool;
  for (const { name, report } of reports) {
    if (report.tool?.name !== tool.name || report.tool?.version !== tool.version) {
      throw new MergeInputError(`${name}: made by ${report.tool?.name} ${report.tool?.version}, not ${tool.name} ${tool.version} like the first input`);
    }
  }
  const findings = new Map(reports.flatMap(({ report }) => report.findings.map((f) => [JSON.stringify(f), f] as const)));
  const errors = new Map(reports.flatMap(({ report }) => report.errors.map((e) => [JSON.stringify(e), e] as const)));
  return {
    version: 1,
    tool,
    findings: [...findings.values()].sort(compareFindings),
    errors: [...errors.values()].sort((a, b) => compare(a.file, b.file) || compare(a.message, b.message)),
    stats: mergeStats(reports.map(({ report }) => report.stats ?? {})),
  };
}

export function jsonFails(report: JsonReport): boolean {
  return failsRun(report.findings);
}
