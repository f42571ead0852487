#!/usr/bin/env node
// `npm run bench`: times secret-audit and its peers on real sources, one table per section.
// A benchmark, not a test: it reports figures and targets, and exits non-zero only when the harness itself breaks.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from './lib/args.mjs';
import { RESULTS_FILE, WORK_DIR } from './lib/paths.mjs';
import { runSection } from './lib/run-section.mjs';
import { removeProbeFolders } from './lib/targets.mjs';
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

const interactive = process.stderr.isTTY;
const context = {
  runs: options.runs,
  log: (message) => process.stderr.write(`  … ${message}\n`),
  progress: interactive ? (message) => process.stderr.write(`\r\x1b[K  … ${message}`) : () => {},
  endProgress: () => interactive && process.stderr.write('\r\x1b[K'),
};
const out = (line) => console.log(line);

mkdirSync(WORK_DIR, { recursive: true });
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

out(`secret-audit benchmark — ${results.date}, Node ${process.version}, ${results.cpus} CPU(s), ${options.runs} timed run(s) per command after a warm-up`);
// Absolute times only mean something on a quiet machine; the load average tells the reader how quiet it was.
out(`load average at start: ${results.loadAverage.map((n) => n.toFixed(2)).join(' ')} (1, 5, 15 min)`);

let harnessFailed = false;
for (const section of SECTIONS.filter((s) => !options.only || options.only.includes(s.id))) {
  const when = { date: new Date().toISOString(), loadAverage: os.loadavg(), runs: options.runs };
  try {
    results.sections[section.id] = { ...when, ...(await runSection(section, context, out)) };
  } catch (error) {
    context.endProgress();
    harnessFailed = true;
    out(`   ERROR ${section.id}: ${error.stack ?? error}`);
    results.sections[section.id] = { ...when, title: section.title, error: String(error.message ?? error), verdict: { status: 'ERROR' } };
  }
}

out('\nsummary');
for (const [id, section] of Object.entries(results.sections)) {
  out(`  ${id.padEnd(9)} ${section.verdict.status.padEnd(5)} ${section.verdict.text ?? section.error ?? ''}`);
}
if (options.json) {
  // Sections measured by earlier runs stay in the file (each carries its own date), so `--only` adds to it.
  const previous = readPreviousResults();
  const merged = { ...results, sections: { ...previous.sections, ...results.sections } };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`);
  out(`raw figures: ${path.relative(process.cwd(), RESULTS_FILE)}`);
}
removeProbeFolders();
process.exitCode = harnessFailed ? 1 : 0;

function readPreviousResults() {
  if (!existsSync(RESULTS_FILE)) return { sections: {} };
  try {
    const previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
    return { sections: previous.sections ?? {} };
  } catch {
    return { sections: {} };
  }
}
