// Runs commands as child processes and times them: wall clock in this process, peak RSS from GNU time
// (or, without it, from an in-process wrapper around Node scripts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORK_DIR } from './paths.mjs';
import { median, min } from './stats.mjs';

const GNU_TIME = '/usr/bin/time';
const RSS_WRAPPER = fileURLToPath(new URL('./rss-wrapper.mjs', import.meta.url));

/**
 * GNU time reports any child's peak RSS; BSD time (macOS) lacks -f and -o, so try it once. Without it, a
 * `node <script>` command runs inside the RSS wrapper (BENCH_RSS_WRAPPER=1 forces that path).
 */
const hasGnuTime =
  process.env.BENCH_RSS_WRAPPER !== '1' && spawnSync(GNU_TIME, ['-f', '%M', '-o', '/dev/null', 'true']).status === 0;

function withMemoryProbe(argv, rssFile) {
  if (hasGnuTime) return { argv: [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv], env: {} };
  const [program, script] = argv;
  if (program === process.execPath && script && !script.startsWith('-')) {
    return { argv: [program, RSS_WRAPPER, ...argv.slice(1)], env: { BENCH_RSS_FILE: rssFile } };
  }
  return { argv, env: {} };
}

/**
 * A command: { label, argv: [program, ...args], cwd, env?, okCodes?: number[], before?: () => void }.
 * `before` runs untimed before every execution (e.g. to clear a cache for a cold run).
 */
export async function runOnce(command) {
  command.before?.();
  const rssFile = path.join(WORK_DIR, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const probe = withMemoryProbe(command.argv, rssFile);
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await spawnCollect(probe.argv, { ...command, env: { ...command.env, ...probe.env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let rssKb = NaN;
  if (existsSync(rssFile)) {
    // GNU time writes "Command exited with non-zero status N" before the figure when the child fails.
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    rssKb = Number.parseInt(lines.at(-1), 10);
    rmSync(rssFile, { force: true });
  }
  return { ms, rssKb, code, stdout, stderr };
}

function spawnCollect([program, ...args], { cwd, env }) {
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => err.push(chunk));
    child.on('error', (error) => resolve({ code: -1, stdout: '', stderr: String(error) }));
    child.on('close', (code, signal) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (signal ? `\nkilled by ${signal}` : ''),
      }),
    );
  });
}

/**
 * One warm-up per command, then `runs` rounds in which every command runs once, interleaved so that
 * drift in machine load falls on all sides alike. A command whose warm-up exits with an unexpected code
 * is reported as failed and not timed.
 */
export async function measure(commands, runs, progress = () => {}) {
  mkdirSync(WORK_DIR, { recursive: true });
  const rows = commands.map((command) => ({ command, times: [], rss: [], failure: null, warmup: null }));
  for (const row of rows) {
    progress(`warm-up: ${row.command.label}`);
    const result = await runOnce(row.command);
    row.warmup = result;
    const ok = row.command.okCodes ?? [0];
    if (!ok.includes(result.code)) row.failure = describeFailure(result);
  }
  for (let round = 1; round <= runs; round++) {
    for (const row of rows) {
      if (row.failure) continue;
      progress(`run ${round}/${runs}: ${row.command.label}`);
      const result = await runOnce(row.command);
      row.times.push(result.ms);
      row.rss.push(result.rssKb);
    }
  }
  return rows.map((row) => ({
    ...row,
    medianMs: median(row.times),
    minMs: min(row.times),
    peakRssKb: row.rss.length ? Math.max(...row.rss) : NaN,
  }));
}

function describeFailure({ code, stderr, stdout }) {
  const text = (stderr.trim() || stdout.trim()).split('\n').slice(0, 3).join(' | ');
  return `exit ${code}${text ? `: ${text.slice(0, 300)}` : ''}`;
}
