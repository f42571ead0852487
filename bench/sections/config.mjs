// Issue 4: a run over 500 small model folders (Truss, inference.sh, Cog), where the config validator dominates.
import { ensureModelFolders, MODEL_FOLDER_COUNT } from '../lib/generated-corpora.mjs';
import { describeFiles, listFiles } from '../lib/corpora.mjs';
import { formatBytes } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { SECRETLINT_LABEL, secretlintCommand } from '../lib/peer-commands.mjs';
import { auditCommand, parseAuditJson, probeCli, probePackageExports } from '../lib/targets.mjs';
import { skippedVerdict, wallVerdict } from '../lib/verdict.mjs';

// --no-deep keeps the fast checks (configs and hardcoded tokens) and skips the code flow analyses: the config-only run.
const SUBJECT = 'secret-audit --no-deep';
const FULL = 'secret-audit (full run)';
const LIMIT_MS = 2000;

export default {
  id: 'config',
  title: `config validation: secret-audit over ${MODEL_FOLDER_COUNT} generated model folders`,
  target: `median wall time under ${LIMIT_MS / 1000} s`,
  async plan({ log }) {
    ensurePeers(log);
    const { dir, summary } = ensureModelFolders();
    const files = describeFiles(listFiles(dir));
    const description = [
      `corpus: bench/.work/models-${MODEL_FOLDER_COUNT} — ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}; ${files.count} files, ${formatBytes(files.bytes)}`,
      'each folder is a config (config.yaml / inf.yml / cog.yaml) and its model code; about 1 in 8 has a planted mistake',
    ];
    const skipped = [];
    const configPackage = await probePackageExports('config');
    const cli = configPackage.reason ? configPackage : await probeCli();
    if (cli.reason) skipped.push({ label: SUBJECT, reason: cli.reason });
    const commands = [];
    if (!skipped.length) {
      commands.push(auditCommand(SUBJECT, ['--no-deep', '--format', 'json', '.'], { cwd: dir, compareTo: SECRETLINT_LABEL }));
      commands.push(auditCommand(FULL, ['--format', 'json', '.'], { cwd: dir, compareTo: SECRETLINT_LABEL }));
    }
    commands.push(secretlintCommand(['**/*'], dir));
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : wallVerdict(rows, SUBJECT, LIMIT_MS)),
      after: (rows) => [...auditNotes(rows, SUBJECT), ...auditNotes(rows, FULL)],
    };
  },
};

/** Findings per rule from the warm-up run, a quick check that the run did real work. */
export function auditNotes(rows, label) {
  const row = rows.find((r) => r.command.label === label && !r.failure);
  const report = row && parseAuditJson(row.warmup.stdout);
  if (!report) return [];
  const counts = new Map();
  for (const finding of report.findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const perRule = [...counts].map(([rule, n]) => `${rule} ${n}`).join(', ');
  return [`${label}: ${report.stats?.files ?? '?'} file(s) scanned, ${report.findings.length} finding(s)${perRule ? ` — ${perRule}` : ''}`];
}
