// Issue 7: a second run with the cache against a first run without it, on a copy of the SDK sources.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureSdkCorpus, makeStandaloneRoot, SDK_ROOT } from '../lib/corpora.mjs';
import { WORK_DIR } from '../lib/paths.mjs';
import { auditCommand, probeAudit, writeProbeFolder } from '../lib/targets.mjs';
import { ratioVerdict } from '../lib/verdict.mjs';

const CACHE_DIR_NAME = '.secret-audit-cache';
const COLD = 'secret-audit, no cache (first run)';
const WARM = 'secret-audit, cache present (second run)';

export default {
  id: 'cache',
  title: 'cache: a repeated secret-audit run over unchanged SDK sources vs a first run',
  target: 'second run with the cache ≤ 20% of the first (ratio ≤ 0.20×)',
  async plan({ log }) {
    const sdks = ensureSdkCorpus(log);
    // Per process, because deleting the cache must not disturb another benchmark run timing its own.
    const dir = path.join(WORK_DIR, `cache-run-${process.pid}`);
    const cache = path.join(dir, CACHE_DIR_NAME);
    const clearCache = () => rmSync(cache, { recursive: true, force: true });
    const description = [
      `corpus: a copy of the SDK sources in bench/.work/cache-run-<pid> (removed afterwards); the cache is ${CACHE_DIR_NAME}/ in that folder`,
      'each round runs cold (cache deleted first, untimed) and then warm',
    ];
    // Probe on a one-file folder: a full run here would cost as much as a measured one.
    const probeDir = writeProbeFolder();
    const probe = await probeAudit(['.'], probeDir, { cache: true });
    if (probe.reason) return { skip: probe.reason };
    if (!existsSync(path.join(probeDir, CACHE_DIR_NAME))) {
      return { skip: `secret-audit wrote no ${CACHE_DIR_NAME}/ after a run (no cache yet)` };
    }
    rmSync(dir, { recursive: true, force: true });
    for (const sdk of sdks) cpSync(sdk.dir, path.join(dir, path.relative(SDK_ROOT, sdk.dir)), { recursive: true });
    makeStandaloneRoot(dir);
    const args = ['--format', 'json', '.'];
    return {
      description,
      commands: [
        auditCommand(COLD, args, { cwd: dir, before: clearCache, cache: true }),
        auditCommand(WARM, args, { cwd: dir, compareTo: COLD, cache: true }),
      ],
      verdict: (rows) => ratioVerdict(rows, WARM, COLD, 0.2),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};
