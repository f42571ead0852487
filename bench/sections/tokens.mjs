// Issue 2: the token scan against secretlint on the same SDK sources.
import { describeFiles, ensureSdkCorpus, listFiles, SDK_ROOT } from '../lib/corpora.mjs';
import { formatBytes } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { SECRETLINT_LABEL, secretlintCommand } from '../lib/peer-commands.mjs';
import { auditCommand, parseAuditJson, probeTokenScan } from '../lib/targets.mjs';
import { ratioVerdict, skippedVerdict } from '../lib/verdict.mjs';

const SUBJECT = 'secret-audit --no-deep';

export default {
  id: 'tokens',
  title: 'token scan: secret-audit vs secretlint (recommended preset) on the openai + @anthropic-ai/sdk sources',
  target: 'secret-audit at least 4× faster than secretlint (time ratio ≤ 0.25×)',
  async plan({ log }) {
    ensurePeers(log);
    const sdks = ensureSdkCorpus(log);
    const dirs = sdks.map((sdk) => sdk.dir.slice(SDK_ROOT.length + 1));
    const files = describeFiles(listFiles(SDK_ROOT));
    const description = [
      `corpus: ${sdks.map((s) => `${s.name}@${s.version}/${s.folder}`).join(' + ')} — ${files.count} files, ${formatBytes(files.bytes)} (bench/corpora/sdk)`,
      'both tools get every file under the same directories (secretlint through the glob "**/*")',
    ];
    const commands = [];
    const skipped = [];
    const probe = await probeTokenScan();
    if (probe.reason) skipped.push({ label: SUBJECT, reason: probe.reason });
    else
      commands.push(
        auditCommand(SUBJECT, ['--no-deep', '--format', 'json', ...dirs], { cwd: SDK_ROOT, compareTo: SECRETLINT_LABEL }),
      );
    commands.push(secretlintCommand(dirs.map((dir) => `${dir}/**/*`), SDK_ROOT));
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : ratioVerdict(rows, SUBJECT, SECRETLINT_LABEL, 0.25)),
      after: (rows) => findingSummary(rows),
    };
  },
};

function findingSummary(rows) {
  const notes = [];
  for (const row of rows) {
    if (row.failure || !row.warmup) continue;
    if (row.command.label === SUBJECT) {
      const report = parseAuditJson(row.warmup.stdout);
      const files = report?.stats?.files;
      notes.push(`${SUBJECT}: ${report?.findings.length ?? '?'} finding(s)${files === undefined ? '' : ` in ${files} scanned file(s)`}`);
    } else if (row.command.label === SECRETLINT_LABEL) {
      const results = safeJson(row.warmup.stdout) ?? [];
      const messages = results.reduce((sum, file) => sum + (file.messages?.length ?? 0), 0);
      notes.push(`${SECRETLINT_LABEL}: ${messages} message(s)`);
    }
  }
  return notes;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
