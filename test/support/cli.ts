// Runs the built `secret-audit` launcher as a child process, the way users and CI run it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LAUNCHER = join(REPO_ROOT, 'packages/cli/bin/secret-audit.js');

/**
 * Runs leave no result cache behind in the scanned folders (fixtures/ among them) and never read a stale one;
 * the cache tests switch it back on with `env: { SECRET_AUDIT_NO_CACHE: '' }`.
 */
const NO_CACHE = { SECRET_AUDIT_NO_CACHE: '1' };

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the launcher; throws a clear message when the CLI was not built (run `npm run build`). */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): CliRun {
  if (!existsSync(join(REPO_ROOT, 'packages/cli/dist/main.js'))) throw new Error('packages/cli is not built: run npm run build');
  const run = spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...NO_CACHE, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `runCli` without blocking, so independent runs can overlap. */
export function runCliAsync(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  if (!existsSync(join(REPO_ROOT, 'packages/cli/dist/main.js'))) throw new Error('packages/cli is not built: run npm run build');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAUNCHER, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...NO_CACHE, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh temporary directory with the given files (text or bytes); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'secret-audit-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits: fresh for every run, so no real-looking secret is committed for tests. */
export function randomAlphanumeric(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/** Freshly made credentials in formats the token catalog knows. */
export function plantedSecrets(): { huggingFace: string; github: string; replicate: string } {
  return {
    huggingFace: `hf_${randomAlphanumeric(34)}`,
    github: `ghp_${randomAlphanumeric(36)}`,
    replicate: `r8_${randomAlphanumeric(37)}`,
  };
}

/** Runs git in `cwd` with a fixed identity; throws with git's message on failure. */
export function git(cwd: string, args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}
