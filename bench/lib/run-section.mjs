// Runs one section end to end: plan, measure, print, and return what goes into results.json.
import path from 'node:path';
import { displayCommand } from './format.mjs';
import { measure } from './measure.mjs';
import { REPO_ROOT } from './paths.mjs';
import { renderTable } from './table.mjs';

export async function runSection(section, context, out) {
  out(`\n== ${section.id}: ${section.title}`);
  out(`   target: ${section.target}`);
  const record = { title: section.title, target: section.target };
  const plan = await section.plan(context);
  if (plan.skip) {
    out(`   SKIP ${section.id}: ${plan.skip}`);
    return { ...record, skip: plan.skip, verdict: { status: 'SKIP', text: plan.skip } };
  }
  for (const line of plan.description ?? []) out(`   ${line}`);
  let rows;
  try {
    rows = await measure(plan.commands, context.runs, context.progress);
  } finally {
    context.endProgress();
    plan.cleanup?.();
  }
  out(indent(renderTable(rows)));
  for (const skipped of plan.skipped ?? []) out(`   SKIP ${skipped.label}: ${skipped.reason}`);
  const verdict = plan.verdict?.(rows) ?? { status: 'n/a', text: '' };
  out(`   => ${verdict.status}${verdict.text ? `: ${verdict.text}` : ''}`);
  const notes = (await plan.after?.(rows)) ?? [];
  for (const line of notes) out(`   ${line}`);
  return { ...record, description: plan.description, skipped: plan.skipped, verdict, notes, rows: rows.map(rawRow) };
}

function rawRow(row) {
  return {
    label: row.command.label,
    command: displayCommand(row.command.argv),
    cwd: path.relative(REPO_ROOT, row.command.cwd ?? REPO_ROOT) || '.',
    compareTo: row.command.compareTo,
    failure: row.failure,
    timesMs: row.times.map((ms) => Math.round(ms * 10) / 10),
    rssKb: row.rss,
    medianMs: row.medianMs,
    minMs: row.minMs,
    peakRssKb: row.peakRssKb,
  };
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}
