import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseYamlText, type YamlParse } from '@secret-hygiene/core';
import { loadYamlParse } from '../config/yaml-parse.js';
import { UsageError } from '../usage-error.js';
import { addPreCommitHook } from './pre-commit.js';
import { ESLINT_HINT, HOOK_REPO, preCommitEntry, STARTER_CONFIG, WORKFLOW } from './templates.js';

export const INIT_USAGE = 'Usage: secret-audit init [dir] [--force]';

const CONFIG_FILE = '.secret-audit.yaml';
const PRE_COMMIT_FILE = '.pre-commit-config.yaml';
const WORKFLOW_FILE = '.github/workflows/secret-audit.yml';

interface Output {
  write(text: string): unknown;
}

const INIT_OPTIONS = { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function parseInitArgs(argv: string[]): { dir: string; force: boolean; help: boolean } {
  for (const arg of argv) if (arg.startsWith('-') && !['--force', '--help', '-h'].includes(arg)) throw new UsageError(`init: unknown option ${arg.split('=')[0]}`);
  const { values, positionals } = parseArgs({ args: argv, options: INIT_OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new UsageError('init takes one directory');
  return { dir: positionals[0] ?? '.', force: values.force ?? false, help: values.help ?? false };
}

/** Writes `text` unless the file exists (and `force` is off); says which. */
function writeNew(root: string, file: string, text: string, force: boolean, out: Output): void {
  const target = join(root, file);
  if (existsSync(target) && !force) {
    out.write(`skipped ${file} (exists; --force overwrites it)\n`);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  const existed = existsSync(target);
  writeFileSync(target, text);
  out.write(`${existed ? 'overwrote' : 'wrote'} ${file}\n`);
}

/** Adds the hook to the pre-commit config, keeping what is there; false when it has to be done by hand. */
function addHook(root: string, out: Output, err: Output, parse: YamlParse): boolean {
  const target = join(root, PRE_COMMIT_FILE);
  const existing = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  const edit = addPreCommitHook(existing);
  if (edit.kind === 'present') {
    out.write(`skipped ${PRE_COMMIT_FILE} (the secret-audit hook is already there)\n`);
    return true;
  }
  if (edit.kind === 'added' && !stillValid(edit.text, parse)) return manual(err, 'the edited file would not be valid YAML');
  if (edit.kind === 'manual') return manual(err, edit.reason);
  writeFileSync(target, edit.text);
  out.write(`${edit.kind === 'created' ? 'wrote' : 'added the secret-audit hook to'} ${PRE_COMMIT_FILE}\n`);
  return true;
}

function stillValid(text: string, parse: YamlParse): boolean {
  try {
    const parsed = parseYamlText(PRE_COMMIT_FILE, text, parse) as { repos?: Array<{ repo?: string }> } | null;
    return Array.isArray(parsed?.repos) && parsed.repos.some((entry) => entry?.repo === HOOK_REPO);
  } catch {
    return false;
  }
}

function manual(err: Output, reason: string): false {
  err.write(`secret-audit: init: could not add the hook to ${PRE_COMMIT_FILE} (${reason}); add this entry under repos: by hand:\n`);
  err.write(preCommitEntry('  '));
  return false;
}

/**
 * `secret-audit init [dir]`: a starter `.secret-audit.yaml`, the pre-commit hook and the GitHub Actions workflow.
 * Existing files are kept unless `--force`; the pre-commit config is edited in place, never replaced.
 * Exit 0 when everything is in place, 2 when something has to be done by hand.
 */
export async function runInit(argv: string[], io: { cwd: string; stdout: Output; stderr: Output }): Promise<number> {
  const { dir, force, help } = parseInitArgs(argv);
  if (help) {
    io.stdout.write(`${INIT_USAGE}\n\nWrites ${CONFIG_FILE}, adds the secret-audit hook to ${PRE_COMMIT_FILE} and writes ${WORKFLOW_FILE}.\nExisting files are kept unless --force is given; the pre-commit config is edited in place.\n`);
    return 0;
  }
  const root = resolve(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`init: not a directory: ${dir}`);
  writeNew(root, CONFIG_FILE, STARTER_CONFIG, force, io.stdout);
  const hooked = addHook(root, io.stdout, io.stderr, await loadYamlParse());
  writeNew(root, WORKFLOW_FILE, WORKFLOW, force, io.stdout);
  io.stdout.write('Next: `pre-commit install` blocks commits that add a secret; push to see results under Security > Code scanning.\n');
  if (existsSync(join(root, 'package.json'))) io.stdout.write(ESLINT_HINT);
  return hooked ? 0 : 2;
}
