// The hooks of .pre-commit-hooks.yaml, installed the way pre-commit installs them (npm install, npm pack, npm
// install -g of the tarball) from a snapshot of this repository, then used by a throwaway model repository.
// Without the pre-commit tool the same steps are emulated (emulation.ts), and the test names say so.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, sep } from 'node:path';
import { redact } from '@secret-hygiene/core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, plantedSecrets, REPO_ROOT, runCli } from '../support/cli.js';
import { installEmulatedGitHook, installLikePreCommit } from './emulation.js';
import { snapshotRepository } from './hook-repo.js';

interface HookDefinition {
  id: string;
  entry: string;
  language: string;
}

const HOOKS = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
function hook(id: string): HookDefinition {
  const found = HOOKS.find((h) => h.id === id);
  if (!found) throw new Error(`.pre-commit-hooks.yaml has no hook ${id}`);
  return found;
}

const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const REAL = version.status === 0 && process.env['SECRET_AUDIT_EMULATE_PRE_COMMIT'] === undefined;
const MODE = REAL ? `with ${version.stdout.trim()}` : 'EMULATED (pre-commit is not installed: its Node installer and git hook are reproduced)';

/** A user's shell: none of the variables `npm test` and vitest add, no node_modules/.bin on PATH. */
function userEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|VITEST|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$)/.test(name)),
  );
  const path = (process.env['PATH'] ?? '').split(delimiter).filter((dir) => !dir.endsWith(`node_modules${sep}.bin`) && !dir.includes('node-gyp-bin'));
  return {
    ...env,
    PATH: path.join(delimiter),
    PRE_COMMIT_HOME: home,
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; output: string } {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
}

const work = mkdtempSync(join(tmpdir(), 'secret-audit-pre-commit-'));
const model = join(work, 'model');
const env = userEnv(join(work, 'pre-commit-home'));
const secrets = plantedSecrets();
let installedCli = '';
let installMs = 0;

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const started = performance.now();
  const hookRepo = join(work, 'hook-repo');
  const rev = snapshotRepository(REPO_ROOT, hookRepo);
  mkdirSync(model);
  git(model, ['init', '-q']);
  writeFileSync(
    join(model, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: secret-audit\n      - id: secret-audit-deep\n        stages: [manual]\n`,
  );
  if (REAL) {
    const install = run('pre-commit', ['install', '--install-hooks'], model, env);
    if (install.status !== 0) throw new Error(`pre-commit install --install-hooks failed:\n${install.output}`);
    const envs = readdirSync(env['PRE_COMMIT_HOME']!).filter((name) => name.startsWith('repo'));
    installedCli = envs.map((name) => join(env['PRE_COMMIT_HOME']!, name, 'node_env-system', 'bin', 'secret-audit')).find((p) => existsSync(p)) ?? '';
  } else {
    const envDir = installLikePreCommit(hookRepo, rev, work, env);
    installEmulatedGitHook(model, envDir, hook('secret-audit').entry);
    installedCli = join(envDir, 'bin', 'secret-audit');
  }
  installMs = Math.round(performance.now() - started);
  console.log(`pre-commit hook environment (${REAL ? 'pre-commit' : 'emulated'}) ready in ${installMs} ms`);
}, 600_000);

// Each front end's first run in a fresh process (TypeScript, ts-morph, tree-sitter) is slow on a busy machine.
describe(`pre-commit hooks ${MODE}`, { timeout: 120_000 }, () => {
  const token = secrets.huggingFace;
  const commits = (): number => {
    const count = run('git', ['rev-list', '--count', '--all'], model, env);
    return count.status === 0 ? Number(count.stdout.trim()) : 0; // no commit yet: git has nothing to count
  };
  const commit = (message: string) => run('git', ['-c', 'commit.gpgsign=false', 'commit', '-m', message], model, env);

  it('installs a secret-audit command from the root package, outside any workspace', () => {
    expect(existsSync(installedCli), `no secret-audit in the hook environment (${installedCli})`).toBe(true);
    expect(installedCli.startsWith(REPO_ROOT)).toBe(false);
  });

  it('refuses a commit that adds a token and prints only its redacted evidence', () => {
    writeFileSync(join(model, 'predict.py'), `import os\n\nHF_TOKEN = "${token}"\n`);
    git(model, ['add', '.pre-commit-config.yaml', 'predict.py']);
    const refused = commit('add a model');
    expect(refused.status, refused.output).not.toBe(0);
    expect(commits()).toBe(0);
    expect(refused.output).toContain('no-hardcoded-secret');
    expect(refused.output).toContain(`evidence: ${redact(token)}`);
    expect(refused.output).not.toContain(token);
    expect(refused.output).not.toContain(token.slice(4, 20));
  });

  it('lets a clean commit through and scans only what is staged (an unstaged token does not count)', () => {
    writeFileSync(join(model, 'predict.py'), 'import os\n\nHF_TOKEN = os.environ["HF_TOKEN"]\n');
    git(model, ['add', 'predict.py']);
    const unstaged = `import os\n\nHF_TOKEN = os.environ.get("HF_TOKEN", "${token}")\n`;
    writeFileSync(join(model, 'predict.py'), unstaged);
    const passed = commit('add a model');
    expect(passed.status, passed.output).toBe(0);
    expect(commits()).toBe(1);
    expect(git(model, ['show', 'HEAD:predict.py'])).not.toContain(token);
    expect(readFileSync(join(model, 'predict.py'), 'utf8')).toBe(unstaged); // the hook gave the unstaged change back
    expect(passed.output).not.toContain(token);
  });

  it('secret-audit-deep adds the flow analyses (a secret reaching a log)', () => {
    writeFileSync(join(model, 'app.py'), 'import os\n\nprint("token", os.environ["HF_TOKEN"])\n');
    const deep = REAL
      ? run('pre-commit', ['run', '--hook-stage', 'manual', 'secret-audit-deep', '--files', 'app.py'], model, env)
      : run(installedCli, [...hook('secret-audit-deep').entry.split(/\s+/).slice(1), 'app.py'], model, env);
    expect(deep.status, deep.output).toBe(1);
    expect(deep.output).toContain('no-secret-in-log');
    const fast = run(installedCli, [...hook('secret-audit').entry.split(/\s+/).slice(1), 'app.py'], model, env);
    expect(fast.status, fast.output).toBe(0);
  });

  it('the installed bundle runs every front end (configs, Python, TypeScript) like the workspace CLI', () => {
    const repos = join(work, 'repos');
    cpSync(join(REPO_ROOT, 'fixtures/repos'), repos, { recursive: true });
    writeFileSync(join(repos, 'debug.ts'), 'export function debug(): void {\n  console.log("token", process.env.HF_TOKEN);\n}\n');
    const args = ['--deep', '--format', 'sarif', '.'];
    const bundled = run(installedCli, args, repos, env);
    const workspace = runCli(args, { cwd: repos });
    expect(bundled.status, bundled.output).toBe(1);
    const results = (sarif: string): string[] =>
      (JSON.parse(sarif) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }> }).runs[0]!.results.map(
        (r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`,
      );
    const found = results(bundled.stdout);
    expect(found).toEqual(results(workspace.stdout));
    expect(found.some((r) => r.startsWith('config-schema '))).toBe(true);
    expect(found.some((r) => /^no-secret-in-log \S+\.py:/.test(r))).toBe(true);
    expect(found).toContain('no-secret-in-log debug.ts:2');
  });
});
