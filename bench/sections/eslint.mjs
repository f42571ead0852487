// Issue 3: what the recommended config of eslint-plugin-secret-hygiene adds to an ESLint run, beside peer plugins.
import path from 'node:path';
import { describeFiles, ensureSdkCorpus, listFiles, SDK_ROOT } from '../lib/corpora.mjs';
import { writeEslintConfigs } from '../lib/eslint-configs.mjs';
import { formatBytes } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { eslintCommand } from '../lib/peer-commands.mjs';
import { loadPackage } from '../lib/targets.mjs';
import { ratioVerdict, skippedVerdict } from '../lib/verdict.mjs';

const BASELINE = 'eslint (TS parser, no rules)';
const SUBJECT = 'eslint + secret-hygiene recommended';
const NO_SECRETS = 'eslint + no-secrets';
const SDL = 'eslint + @microsoft/sdl recommended';

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
      'every row is ESLint 9 from bench/peers with @typescript-eslint/parser; configs in bench/.work/eslint/',
    ];
    const skipped = [];
    const plugin = await loadPackage('eslint-plugin');
    const recommended = plugin.module && (plugin.module.default ?? plugin.module).configs?.recommended;
    if (!recommended) skipped.push({ label: SUBJECT, reason: plugin.reason ?? 'eslint-plugin-secret-hygiene has no configs.recommended yet' });
    const commands = [eslintCommand(BASELINE, configs.baseline, dirs, SDK_ROOT)];
    if (!skipped.length) commands.push(eslintCommand(SUBJECT, configs['secret-hygiene'], dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(eslintCommand(NO_SECRETS, configs['no-secrets'], dirs, SDK_ROOT, { compareTo: BASELINE }));
    commands.push(eslintCommand(SDL, configs.sdl, dirs, SDK_ROOT, { compareTo: BASELINE }));
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : ratioVerdict(rows, SUBJECT, BASELINE, 1.1)),
      after: (rows) => findingNotes(rows),
    };
  },
};

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
