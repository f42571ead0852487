// Issue 3: what the recommended config of eslint-plugin-secret-hygiene adds to an ESLint run, beside peer plugins.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeFiles, ensureSdkCorpus, listFiles, SDK_ROOT } from '../lib/corpora.mjs';
import { writeEslintConfigs } from '../lib/eslint-configs.mjs';
import { formatBytes, formatMs, formatRatio } from '../lib/format.mjs';
import { REPO_ROOT, WORK_DIR } from '../lib/paths.mjs';
import { median } from '../lib/stats.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { eslintCommand } from '../lib/peer-commands.mjs';
import { loadPackage } from '../lib/targets.mjs';
import { ratioVerdict, skippedVerdict } from '../lib/verdict.mjs';

const BASELINE = 'eslint (TS parser, no rules)';
const SUBJECT = 'eslint + secret-hygiene recommended';
const NO_SECRETS = 'eslint + no-secrets';
const SDL = 'eslint + @microsoft/sdl recommended';
// ESLint builds a context for every enabled rule on every file, whatever the rule does: this row shows that floor.
const IDLE = 'eslint + one rule that does nothing';
// Diagnostic rows: the same two configs with ESLint's per-rule context made a plain copy (lib/flat-rule-context.cjs).
const IDLE_FLAT = 'idle rule, flat rule context (diagnostic)';
const SUBJECT_FLAT = 'secret-hygiene, flat rule context (diagnostic)';
// The repository's own ESLint 10 (the peers cannot run on it): shows whether the major version changes the ratio.
const BASELINE_10 = 'eslint 10 (TS parser, no rules)';
const SUBJECT_10 = 'eslint 10 + secret-hygiene recommended';
const ESLINT_10 = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const CPU_PROBE = fileURLToPath(new URL('../lib/cpu-probe.cjs', import.meta.url));
const FLAT_RULE_CONTEXT = fileURLToPath(new URL('../lib/flat-rule-context.cjs', import.meta.url));

/** Every run of the command appends its CPU time to a file of its own (the first line is the warm-up). */
function withCpuProbe(command) {
  const file = path.join(WORK_DIR, 'eslint', `cpu-${command.label.replace(/[^a-z0-9]+/gi, '-')}.txt`);
  rmSync(file, { force: true });
  const options = [process.env.NODE_OPTIONS, command.env?.NODE_OPTIONS, `--require=${CPU_PROBE}`].filter(Boolean).join(' ');
  return { ...command, cpuFile: file, env: { ...command.env, NODE_OPTIONS: options, BENCH_CPU_FILE: file } };
}

function cpuTimes(row) {
  if (!row?.command.cpuFile || !existsSync(row.command.cpuFile)) return [];
  return readFileSync(row.command.cpuFile, 'utf8').trim().split('\n').slice(1).map(Number).filter(Number.isFinite);
}

export default {
  id: 'eslint',
  title: 'ESLint: eslint-plugin-secret-hygiene (configs.recommended) vs parser-only ESLint, no-secrets and SDL',
  target: 'recommended config costs ≤ +10% over ESLint with the TypeScript parser and no rules (ratio ≤ 1.10×)',
  async plan({ log }) {
    ensurePeers(log);
    const sdks = ensureSdkCorpus(log);
    const dirs = sdks.map((sdk) => sdk.dir.slice(SDK_ROOT.length + 1));
    const files = describeFiles(listFiles(SDK_ROOT, (file) => /\.[cm]?ts$/.test(file)));
    const configs = writeEslintConfigs();
    const description = [
      `corpus: ${sdks.map((s) => `${s.name}@${s.version}/${s.folder}`).join(' + ')} — ${files.count} TypeScript files, ${formatBytes(files.bytes)}`,
      'the first five rows are ESLint 9 from bench/peers (the SDL plugin requires it), the last two the repository\'s ESLint 10;',
      `"${IDLE}" is the floor of any plugin: ESLint's per-rule context keeps each file's AST alive longer (more GC);`,
      'the two "flat rule context" rows run the same configs with that context made a plain copy (diagnostic, not the verdict);',
      'every row parses with the @typescript-eslint/parser the plugin depends on (one copy per process); configs in bench/.work/eslint/',
      'after the table: each row\'s median CPU time (user + system) over its baseline, steadier than wall time on a shared machine',
    ];
    const skipped = [];
    const plugin = await loadPackage('eslint-plugin');
    const recommended = plugin.module && (plugin.module.default ?? plugin.module).configs?.recommended;
    if (!recommended) skipped.push({ label: SUBJECT, reason: plugin.reason ?? 'eslint-plugin-secret-hygiene has no configs.recommended yet' });
    const commands = [eslintCommand(BASELINE, configs.baseline, dirs, SDK_ROOT)];
    if (!skipped.length) commands.push(eslintCommand(SUBJECT, configs['secret-hygiene'], dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(eslintCommand(NO_SECRETS, configs['no-secrets'], dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(eslintCommand(SDL, configs.sdl, dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(eslintCommand(IDLE, configs['one-idle-rule'], dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(flatRuleContext(eslintCommand(IDLE_FLAT, configs['one-idle-rule'], dirs, SDK_ROOT, { compareTo: BASELINE })));
    if (!skipped.length) commands.push(flatRuleContext(eslintCommand(SUBJECT_FLAT, configs['secret-hygiene'], dirs, SDK_ROOT, { compareTo: BASELINE })));
    if (!skipped.length && existsSync(ESLINT_10)) {
      commands.push(eslint10(eslintCommand(BASELINE_10, configs.baseline, dirs, SDK_ROOT)));
      commands.push(eslint10(eslintCommand(SUBJECT_10, configs['secret-hygiene'], dirs, SDK_ROOT, { compareTo: BASELINE_10 })));
    }
    for (let i = 0; i < commands.length; i++) commands[i] = withCpuProbe(commands[i]);
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : ratioVerdict(rows, SUBJECT, BASELINE, 1.1)),
      after: (rows) => [...cpuNotes(rows), ...overFloorNotes(rows), ...findingNotes(rows)],
    };
  },
};

function flatRuleContext(command) {
  return { ...command, env: { ...command.env, NODE_OPTIONS: `--require=${FLAT_RULE_CONTEXT}` } };
}

function eslint10(command) {
  return { ...command, argv: [command.argv[0], ESLINT_10, ...command.argv.slice(2)] };
}

/** Median CPU time per row and its ratio to the row's baseline (the verdict above is on wall time). */
function cpuNotes(rows) {
  const medians = new Map(rows.map((row) => [row.command.label, median(cpuTimes(row))]));
  return rows
    .filter((row) => Number.isFinite(medians.get(row.command.label)))
    .map((row) => {
      const own = medians.get(row.command.label);
      const base = row.command.compareTo ? medians.get(row.command.compareTo) : undefined;
      const ratio = base ? ` = ${formatRatio(own / base)} of ${row.command.compareTo}` : '';
      return `CPU ${row.command.label}: median ${formatMs(own)}${ratio}`;
    });
}

/** The subject's wall and CPU time over the idle-rule row: the part of the overhead that is the plugin's own work. */
function overFloorNotes(rows) {
  return [
    [SUBJECT, IDLE],
    [SUBJECT_FLAT, IDLE_FLAT],
  ].flatMap(([subjectLabel, idleLabel]) => {
    const subject = rows.find((row) => row.command.label === subjectLabel && !row.failure);
    const idle = rows.find((row) => row.command.label === idleLabel && !row.failure);
    if (!subject || !idle) return [];
    const wall = subject.medianMs / idle.medianMs;
    const cpu = median(cpuTimes(subject)) / median(cpuTimes(idle));
    return [`${subjectLabel} over ${idleLabel}: ${formatRatio(wall)} wall, ${Number.isFinite(cpu) ? formatRatio(cpu) : '?'} CPU (the plugin's own work)`];
  });
}

/** Counts per row, then every finding of the secret-hygiene row, as the issue asks for the full list. */
function findingNotes(rows) {
  const notes = [];
  for (const row of rows) {
    if (row.failure || !row.warmup) continue;
    const messages = eslintMessages(row.warmup.stdout);
    if (!messages) {
      notes.push(`${row.command.label}: output was not ESLint JSON`);
      continue;
    }
    const fatal = messages.filter((m) => m.fatal).length;
    notes.push(`${row.command.label}: ${messages.length} message(s)${fatal ? `, ${fatal} parse error(s)` : ''}${summariseRules(messages)}`);
  }
  const subject = rows.find((row) => row.command.label === SUBJECT && !row.failure);
  const messages = subject && eslintMessages(subject.warmup.stdout);
  if (messages) {
    notes.push(`every ${SUBJECT} finding (${messages.length}):`);
    for (const m of messages) notes.push(`  ${path.relative(SDK_ROOT, m.filePath)}:${m.line}:${m.column}  ${m.ruleId ?? '(parse)'}  ${m.message}`);
  }
  return notes;
}

function eslintMessages(stdout) {
  try {
    return JSON.parse(stdout).flatMap((file) => file.messages.map((message) => ({ ...message, filePath: file.filePath })));
  } catch {
    return null;
  }
}

function summariseRules(messages) {
  const counts = new Map();
  for (const m of messages) counts.set(m.ruleId ?? '(parse)', (counts.get(m.ruleId ?? '(parse)') ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return top.length ? ` — ${top.map(([rule, n]) => `${rule} ${n}`).join(', ')}${counts.size > top.length ? ', …' : ''}` : '';
}
