import { type Finding, type InputError, LineIndex } from '@secret-hygiene/core';
import { codeFrame } from './code-frame.js';
import type { Colors } from './colors.js';
import type { Report } from './report.js';

export interface TextOptions {
  colors: Colors;
  /** Findings only: no summary line. */
  quiet: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityLabel(finding: Finding, c: Colors): string {
  if (finding.severity === 'error') return c.red('error');
  if (finding.severity === 'warning') return c.yellow('warning');
  return c.cyan('note');
}

/** What the code frames of one report share: each file's line index (built once) and its findings. */
interface FrameContext {
  report: Report;
  byFile: Map<string, Finding[]>;
  indexes: Map<string, LineIndex>;
}

function frameLines(finding: Finding, context: FrameContext, c: Colors): string[] {
  let index = context.indexes.get(finding.file);
  if (!index) {
    const text = context.report.sources.get(finding.file);
    if (text === undefined) return [];
    index = new LineIndex(text);
    context.indexes.set(finding.file, index);
  }
  const frame = codeFrame(finding, index, context.byFile.get(finding.file) ?? []);
  const width = String(frame.at(-1)?.number ?? 0).length;
  const out: string[] = [];
  for (const line of frame) {
    const gutter = `${line.marked ? c.red('>') : ' '} ${String(line.number).padStart(width)} | `;
    out.push(`  ${gutter}${line.text}`.trimEnd());
    if (line.caret) out.push(`    ${' '.repeat(width)} | ${' '.repeat(line.caret.at)}${c.red('^'.repeat(line.caret.width))}`);
  }
  return out;
}

function findingBlock(finding: Finding, context: FrameContext, c: Colors): string[] {
  const lines = [
    `${c.bold(`${finding.file}:${finding.line}:${finding.column}`)}  ${severityLabel(finding, c)}  ${c.dim(finding.ruleId)}  ${finding.message}`,
    `  evidence: ${finding.evidence}`,
    ...frameLines(finding, context, c),
  ];
  if (finding.flow && finding.flow.length > 0) {
    lines.push('  flow:');
    finding.flow.forEach((step, i) => lines.push(`    ${i + 1}. ${step.file}:${step.line}:${step.column}  ${step.note}`));
  }
  return lines;
}

function summary(report: Report, c: Colors): string {
  const { findings, stats } = report;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const extras: string[] = [];
  if (stats.suppressed > 0) extras.push(`${stats.suppressed} suppressed`);
  if (stats.baselined > 0) extras.push(`${stats.baselined} in baseline`);
  const skipped = [
    stats.skippedBinary > 0 ? `${stats.skippedBinary} binary` : '',
    stats.skippedOversized > 0 ? `${stats.skippedOversized} oversized` : '',
    stats.skippedIgnored > 0 ? `${stats.skippedIgnored} ignored` : '',
  ].filter(Boolean);
  if (skipped.length > 0) extras.push(`skipped ${skipped.join(', ')}`);
  if (report.errors.length > 0) extras.push(`${plural(report.errors.length, 'input error')}`);
  const scanned = `${plural(stats.files, 'file')} scanned in ${stats.durationMs} ms`;
  const tail = extras.length > 0 ? ` (${extras.join('; ')})` : '';
  if (findings.length === 0) return `${c.green('✔')} No findings; ${scanned}${tail}.`;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  return `${errors > 0 ? c.red('✖') : c.yellow('⚠')} ${plural(findings.length, 'finding')} (${counts}); ${scanned}${tail}.`;
}

/** Input errors, one a line; written to stderr by the CLI. */
export function formatInputErrors(errors: readonly InputError[]): string {
  return errors.map((e) => `secret-audit: ${e.file}: ${e.message}\n`).join('');
}

/** `file:line:col  severity  rule  message`, redacted evidence, a code frame, the flow, then a summary line. */
export function formatText(report: Report, options: TextOptions): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of report.unsuppressed) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const context: FrameContext = { report, byFile, indexes: new Map() };
  const blocks = report.findings.map((f) => findingBlock(f, context, options.colors).join('\n'));
  if (!options.quiet) blocks.push(summary(report, options.colors));
  return blocks.length === 0 ? '' : blocks.join('\n\n') + '\n';
}
