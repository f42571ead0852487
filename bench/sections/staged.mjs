// Issue 2: a pre-commit run (`--staged`) on 5 files, against the floor of starting Node at all.
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureSdkCorpus, SDK_ROOT } from '../lib/corpora.mjs';
import { formatBytes, formatMs } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { NODE_NOOP_LABEL, nodeNoopCommand, secretlintCommand } from '../lib/peer-commands.mjs';
import { WORK_DIR } from '../lib/paths.mjs';
import { createStagedRepo, pickRealSizedFiles } from '../lib/staged-repo.mjs';
import { auditCommand, probeAudit } from '../lib/targets.mjs';
import { skippedVerdict, wallVerdict } from '../lib/verdict.mjs';

const SUBJECT = 'secret-audit --staged';
const DEEP = 'secret-audit --staged --deep';
const FILE_COUNT = 5;
const LIMIT_MS = 150;

export default {
  id: 'staged',
  title: `pre-commit: secret-audit --staged on ${FILE_COUNT} staged files vs a bare node -e 0`,
  target: `secret-audit --staged median ≤ ${LIMIT_MS} ms wall`,
  async plan({ log }) {
    ensurePeers(log);
    ensureSdkCorpus(log);
    // Per process: another benchmark run may be timing its own copy at the same time.
    const repo = path.join(WORK_DIR, `staged-repo-${process.pid}`);
    const picked = pickRealSizedFiles(SDK_ROOT, FILE_COUNT);
    const staged = createStagedRepo(repo, picked, SDK_ROOT);
    const bytes = picked.reduce((sum, file) => sum + statSync(file).size, 0);
    const description = [
      `repo: bench/.work/staged-repo-<pid> (removed afterwards), ${staged.length} staged files from the SDK corpus, ${formatBytes(bytes)} in all:`,
      ...staged.map((file) => `  ${file}`),
    ];
    const commands = [];
    const skipped = [];
    const probe = await probeAudit(['--staged'], repo);
    if (probe.reason) skipped.push({ label: SUBJECT, reason: probe.reason });
    else {
      commands.push(auditCommand(SUBJECT, ['--staged'], { cwd: repo, compareTo: NODE_NOOP_LABEL }));
      // With the flow analyses switched on (they load TypeScript): shown beside the target row, not judged.
      commands.push(auditCommand(DEEP, ['--staged', '--deep'], { cwd: repo, compareTo: NODE_NOOP_LABEL }));
    }
    commands.push(nodeNoopCommand(repo));
    // secretlint has no staged mode; handing it the same paths shows what a peer costs on these files.
    commands.push({ ...secretlintCommand(staged, repo, 'secretlint (same 5 files)'), compareTo: NODE_NOOP_LABEL });
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : wallVerdict(rows, SUBJECT, LIMIT_MS)),
      after: (rows) => overheadNote(rows),
      cleanup: () => rmSync(repo, { recursive: true, force: true }),
    };
  },
};

/** Start-up of Node itself varies with machine load; the difference is what secret-audit adds on top of it. */
function overheadNote(rows) {
  const subject = rows.find((row) => row.command.label === SUBJECT && !row.failure);
  const floor = rows.find((row) => row.command.label === NODE_NOOP_LABEL && !row.failure);
  if (!subject || !floor) return [];
  return [`secret-audit's own cost over starting Node: +${formatMs(subject.medianMs - floor.medianMs)} (median minus median)`];
}
