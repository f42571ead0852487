// Decides whether the parts under test exist yet, so a section can SKIP with a reason instead of failing.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeStandaloneRoot } from './corpora.mjs';
import { CLI_LAUNCHER, REPO_ROOT, WORK_DIR, packageDist } from './paths.mjs';
import { runOnce } from './measure.mjs';

/** A GitHub token shaped value, assembled at run time so this file holds no token-shaped literal. */
export function fakeGithubToken() {
  return ['ghp', '_', 'Zq8Lm3Rt6Wx9Ab2Cd5Ef7Gh1Jk4Np0Vs3Yu8'].join('');
}

/** Parses `secret-audit --format json` output; null when it is not the documented shape. */
export function parseAuditJson(stdout) {
  try {
    const report = JSON.parse(stdout);
    return report && Array.isArray(report.findings) ? report : null;
  } catch {
    return null;
  }
}

/**
 * A timed secret-audit run. Without `cache: true` it passes --no-cache: a repeated run must measure the
 * analysis, not the result cache, and must not write a cache into the (shared) corpora.
 */
export function auditCommand(label, args, { cache = false, ...options } = {}) {
  return { label, argv: [process.execPath, CLI_LAUNCHER, ...(cache ? [] : ['--no-cache']), ...args], okCodes: [0, 1], ...options };
}

/** Runs secret-audit once; returns { report } when it answers with JSON, else { reason }. */
export async function probeAudit(args, cwd, { cache = false } = {}) {
  if (!existsSync(CLI_LAUNCHER)) return { reason: `${path.relative(process.cwd(), CLI_LAUNCHER)} is missing` };
  const result = await runOnce(auditCommand('probe', ['--format', 'json', ...args], { cwd, cache }));
  const report = parseAuditJson(result.stdout);
  if ([0, 1].includes(result.code) && report) return { report };
  const said = (result.stderr.trim() || result.stdout.trim()).split('\n')[0]?.slice(0, 160) ?? '';
  return { reason: `secret-audit --format json ${args.join(' ')} exited ${result.code}${said ? ` (${said})` : ''} without a JSON report` };
}

/**
 * A small folder holding one TypeScript file with a token-shaped value, recreated for each probe. It is
 * per process, since several benchmark runs may share bench/.work; `removeProbeFolders` deletes it at exit.
 */
export function writeProbeFolder() {
  const dir = path.join(WORK_DIR, `probe-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  makeStandaloneRoot(dir);
  writeFileSync(path.join(dir, 'client.ts'), `export const githubToken = '${fakeGithubToken()}';\n`);
  return dir;
}

export function removeProbeFolders() {
  rmSync(path.join(WORK_DIR, `probe-${process.pid}`), { recursive: true, force: true });
}

let cliProbe;
/** Whether `secret-audit` answers with a JSON report on a one-file folder; cached for the run. */
export function probeCli() {
  cliProbe ??= probeAudit(['.'], writeProbeFolder());
  return cliProbe;
}

/** Whether `secret-audit` detects a hard-coded token. */
export async function probeTokenScan() {
  const probe = await probeCli();
  if (probe.reason) return probe;
  if (!probe.report.findings.some((f) => f.ruleId === 'no-hardcoded-secret')) {
    return { reason: 'secret-audit answered but reported no no-hardcoded-secret finding for a GitHub token' };
  }
  return probe;
}

/** Imports a workspace package's compiled entry; { module } or { reason }. */
export async function loadPackage(dir) {
  const entry = packageDist(dir);
  if (!existsSync(entry)) return { reason: `packages/${dir}/${path.relative(path.join(REPO_ROOT, 'packages', dir), entry)} is not built` };
  try {
    return { module: await import(pathToFileURL(entry).href) };
  } catch (error) {
    return { reason: `packages/${dir} fails to load: ${error.message}` };
  }
}

/** A package counts as present once its entry exports something. */
export async function probePackageExports(dir) {
  const loaded = await loadPackage(dir);
  if (loaded.reason) return loaded;
  return Object.keys(loaded.module).length > 0 ? loaded : { reason: `packages/${dir} exports nothing yet` };
}
