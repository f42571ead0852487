// What pre-commit 3 does for a `language: node` hook, step by step, for machines without the pre-commit tool:
// the installer of pre_commit/languages/node.py (system Node) and the git hook that `pre-commit install` writes
// (unstaged changes set aside as in staged_files_only.py, then the hook's entry run on the staged files).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { git } from '../support/cli.js';

/** pre-commit's `get_env_patch` for an env at `envDir`. */
function nodeEnv(envDir: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    NODE_VIRTUAL_ENV: envDir,
    NPM_CONFIG_PREFIX: envDir,
    npm_config_prefix: envDir,
    NODE_PATH: join(envDir, 'lib', 'node_modules'),
    PATH: `${join(envDir, 'bin')}${delimiter}${base['PATH'] ?? ''}`,
  };
  delete env['NPM_CONFIG_USERCONFIG'];
  delete env['npm_config_userconfig'];
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Clones `rev` of `hookRepo` and installs it into `envDir` exactly as pre-commit's Node installer does: npm install
 * in the clone, npm pack of its root (whose stdout must be the tarball's name alone), npm install -g of the tarball.
 */
export function installLikePreCommit(hookRepo: string, rev: string, workDir: string, base: NodeJS.ProcessEnv): string {
  const clone = join(workDir, 'repo');
  git(workDir, ['clone', '-q', '--no-checkout', hookRepo, clone]);
  git(clone, ['checkout', '-q', rev]);
  const envDir = join(workDir, 'node_env-system');
  mkdirSync(join(envDir, 'bin'), { recursive: true });
  const env = nodeEnv(envDir, base);
  run('npm', ['install', '--dev', '--prod', '--ignore-prepublish', '--no-progress', '--no-save'], clone, env);
  const tarball = join(clone, run('npm', ['pack'], clone, env).trim());
  if (!existsSync(tarball)) throw new Error(`npm pack's stdout does not name the tarball alone, so pre-commit cannot install it: ${tarball}`);
  run('npm', ['install', '-g', tarball], clone, env);
  rmSync(join(clone, 'node_modules'), { recursive: true, force: true });
  rmSync(tarball);
  return envDir;
}

/** The git hook: the entry (split on spaces, as shlex would split these simple ones) gets the staged files. */
export function installEmulatedGitHook(modelRepo: string, envDir: string, entry: string): void {
  const hook = `#!/bin/sh
# Emulated pre-commit hook: unstaged changes are set aside, the entry runs on the staged files, changes come back.
patch="$(git rev-parse --git-dir)/unstaged.patch"
tree=$(git write-tree)
git diff-index --ignore-submodules --binary --no-color --no-ext-diff "$tree" -- > "$patch"
if [ -s "$patch" ]; then git -c submodule.recurse=0 checkout -- .; fi
git diff --staged --name-only --no-ext-diff -z --diff-filter=ACMRTUXB |
  PATH="${join(envDir, 'bin')}${delimiter}$PATH" xargs -0 -r ${entry}
status=$?
if [ -s "$patch" ]; then git apply --whitespace=nowarn "$patch"; fi
rm -f "$patch"
exit $status
`;
  const path = join(modelRepo, '.git', 'hooks', 'pre-commit');
  writeFileSync(path, hook);
  chmodSync(path, 0o755);
}
