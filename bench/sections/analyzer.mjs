// Issue 5: whole-program analysis against the floor of type-checking the same program with tsc.
import { describeFiles, ensureSdkCorpus, listFiles, SDK_ROOT } from '../lib/corpora.mjs';
import { formatBytes } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { tscCommand } from '../lib/peer-commands.mjs';
import { auditCommand, parseAuditJson, probeCli, probePackageExports } from '../lib/targets.mjs';
import { writeTscProject } from '../lib/tsc-project.mjs';
import { ratioVerdict, skippedVerdict } from '../lib/verdict.mjs';

const SUBJECT = 'secret-audit (deep analysis)';
const TSC = 'tsc --noEmit';

export default {
  id: 'analyzer',
  title: 'whole-program analysis: secret-audit with deep analysis vs tsc --noEmit on the openai + @anthropic-ai/sdk sources',
  target: 'analysis time ≤ 1.5× tsc --noEmit and peak RSS ≤ 1.5× tsc, same files, same run',
  async plan({ log }) {
    ensurePeers(log);
    const sdks = ensureSdkCorpus(log);
    const dirs = sdks.map((sdk) => sdk.dir.slice(SDK_ROOT.length + 1));
    const files = describeFiles(listFiles(SDK_ROOT, (file) => /\.[cm]?ts$/.test(file)));
    const project = writeTscProject(sdks.map((sdk) => sdk.dir));
    const description = [
      `corpus: ${sdks.map((s) => `${s.name}@${s.version}/${s.folder}`).join(' + ')} — ${files.count} TypeScript files, ${formatBytes(files.bytes)}`,
      'tsc: TypeScript 6.0.3 from bench/peers, project bench/.work/tsc/tsconfig.json (strict, skipLibCheck, no @types)',
    ];
    const skipped = [];
    const analyzer = await probePackageExports('analyzer');
    const cli = analyzer.reason ? analyzer : await probeCli();
    if (cli.reason) skipped.push({ label: SUBJECT, reason: cli.reason });
    const commands = [];
    if (!skipped.length) commands.push(auditCommand(SUBJECT, ['--format', 'json', ...dirs], { cwd: SDK_ROOT, compareTo: TSC }));
    commands.push(tscCommand(project, TSC));
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : ratioVerdict(rows, SUBJECT, TSC, 1.5, 1.5)),
      after: (rows) => notes(rows),
    };
  },
};

function notes(rows) {
  const lines = [];
  for (const row of rows) {
    if (row.failure || !row.warmup) continue;
    if (row.command.label === TSC) {
      const codes = [...row.warmup.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
      const unresolved = codes.filter((code) => code === 'TS2307').length;
      lines.push(`${TSC}: ${codes.length} type error(s), ${unresolved} of them unresolved imports (the SDKs' dependencies are not installed)`);
      if (codes.some((code) => /^TS(5\d{3}|18003)$/.test(code))) lines.push(`${TSC}: WARNING — project configuration errors, the check may be incomplete`);
    } else if (row.command.label === SUBJECT) {
      const report = parseAuditJson(row.warmup.stdout);
      lines.push(`${SUBJECT}: ${report?.findings.length ?? '?'} finding(s), ${report?.stats?.files ?? '?'} file(s)`);
    }
  }
  return lines;
}
