#!/usr/bin/env node
// `npm run bench`: times secret-audit and its peers on real sources, one table per section.
// A benchmark, not a test: it reports figures and targets, and exits non-zero only when the harness itself breaks.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './lib/args.mjs';
import { measure } from './lib/measure.mjs';
import { REPO_ROOT, RESULTS_FILE, WORK_DIR } from './lib/paths.mjs';
import { renderTable } from './lib/table.mjs';
import { displayCommand } from './lib/format.mjs';
import { SECTIONS } from './sections/index.mjs';

const parsed = parseArgs(process.argv.slice(2));
if (parsed.help) {
  console.log(parsed.help);
  process.exit(0);
}
if (parsed.error) {
  console.error(parsed.error);
  process.exit(2);
}
const { options } = parsed;
if (options.list) {
  for (const section of SECTIONS) console.log(`${section.id.padEnd(10)} ${section.title}`);
  process.exit(0);
}
const unknown = (options.only ?? []).filter((id) => !SECTIONS.some((section) => section.id === id));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const log = (message) => process.stderr.write(`  … ${message}\n`);
const progress = process.stderr.isTTY
  ? (message) => process.stderr.write(`\r\x1b[K  … ${message}`)
  : () => {};
const endProgress = () => process.stderr.isTTY && process.stderr.write('\r\x1b[K');

mkdirSync(WORK_DIR, { recursive: true });
const context = { runs: options.runs, log };
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverage: os.loadavg(),
  runs: options.runs,
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  sections: {},
};
let harnessFailed = false;

console.log(`secret-audit benchmark — ${results.date}, Node ${process.version}, ${results.cpus} CPU(s), ${options.runs} timed run(s) per command after a warm-up`);
// Absolute times only mean something on a quiet machine; the load average tells the reader how quiet it was.
console.log(`load average at start: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} (1, 5, 15 min)`);
for (const section of SECTIONS.filter((s) => !options.only || options.only.includes(s.id))) {
  console.log(`\n== ${section.id}: ${section.title}`);
  console.log(`   target: ${section.target}`);
  const record = (results.sections[section.id] = { title: section.title, target: section.target });
  try {
    const plan = await section.plan(context);
    if (plan.skip) {
      console.log(`   SKIP ${section.id}: ${plan.skip}`);
      record.skip = plan.skip;
      continue;
    }
    for (const line of plan.description ?? []) console.log(`   ${line}`);
    const rows = await measure(plan.commands, options.runs, progress);
    endProgress();
    console.log(indent(renderTable(rows)));
    for (const skipped of plan.skipped ?? []) console.log(`   SKIP ${skipped.label}: ${skipped.reason}`);
    const verdict = plan.verdict?.(rows) ?? { status: 'n/a', text: '' };
    console.log(`   => ${verdict.status}${verdict.text ? `: ${verdict.text}` : ''}`);
    const notes = (await plan.after?.(rows)) ?? [];
    for (const line of notes) console.log(`   ${line}`);
    Object.assign(record, {
      description: plan.description,
      skipped: plan.skipped,
      verdict,
      notes,
      rows: rows.map((row) => ({
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
      })),
    });
  } catch (error) {
    endProgress();
    harnessFailed = true;
    console.log(`   ERROR ${section.id}: ${error.stack ?? error}`);
    record.error = String(error.message ?? error);
  }
}

if (options.json) {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nraw figures: ${path.relative(process.cwd(), RESULTS_FILE)}`);
}
process.exitCode = harnessFailed ? 1 : 0;

function indent(text) {
  return text.split('\n').map((line) => `   ${line}`).join('\n');
}
