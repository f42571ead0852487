// Issue 7: --shard k/2 runs (parallel CI jobs) against one unsharded run over the SDK sources.
import { ensureSdkCorpus, SDK_ROOT } from '../lib/corpora.mjs';
import { formatRatio } from '../lib/format.mjs';
import { auditCommand, parseAuditJson, probeAudit, writeProbeFolder } from '../lib/targets.mjs';

const WHOLE = 'secret-audit, unsharded';
const SHARDS = [1, 2].map((k) => `secret-audit --shard ${k}/2`);
/**
 * The jobs run in parallel, so the slowest shard is the wall time of the split scan. Each SDK is one TypeScript
 * program, never split, so the larger one bounds the gain: the target is only that a split never costs more.
 */
const LIMIT = 1.0;

export default {
  id: 'shard',
  title: 'shards: the slowest of secret-audit --shard 1/2 and 2/2 vs one unsharded run on the openai + @anthropic-ai/sdk sources',
  target: `slowest shard < ${formatRatio(LIMIT)} of the unsharded run (the shards are parallel CI jobs)`,
  async plan({ log }) {
    const sdks = ensureSdkCorpus(log);
    const dirs = sdks.map((sdk) => sdk.dir.slice(SDK_ROOT.length + 1));
    const probe = await probeAudit(['--shard', '1/2', '.'], writeProbeFolder());
    if (probe.reason) return { skip: probe.reason };
    const args = ['--format', 'json', ...dirs];
    return {
      description: [`corpus: ${dirs.join(' + ')} (each its own tsconfig project, so each shard gets one); --no-cache`],
      commands: [
        auditCommand(WHOLE, args, { cwd: SDK_ROOT }),
        ...SHARDS.map((label, i) => auditCommand(label, ['--shard', `${i + 1}/2`, ...args], { cwd: SDK_ROOT, compareTo: WHOLE })),
      ],
      verdict: (rows) => verdict(rows),
      after: (rows) => rows.filter((row) => row.warmup).map((row) => `${row.command.label}: ${parseAuditJson(row.warmup.stdout)?.stats?.files ?? '?'} file(s)`),
    };
  },
};

function verdict(rows) {
  const whole = rows.find((row) => row.command.label === WHOLE);
  const shards = rows.filter((row) => SHARDS.includes(row.command.label));
  if (!whole || shards.length !== SHARDS.length) return { status: 'SKIP', text: 'not every run was measured' };
  if ([whole, ...shards].some((row) => row.failure)) return { status: 'FAIL', text: 'a run failed' };
  const slowest = shards.reduce((a, b) => (a.medianMs >= b.medianMs ? a : b));
  const ratio = slowest.medianMs / whole.medianMs;
  const text = `slowest shard (${slowest.command.label}) ${formatRatio(ratio)} of ${WHOLE} (limit ${formatRatio(LIMIT)})`;
  return { status: ratio < LIMIT ? 'PASS' : 'FAIL', text };
}
