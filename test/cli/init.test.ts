import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../packages/cli/src/config/load.js';
import { addPreCommitHook } from '../../packages/cli/src/init/pre-commit.js';
import { HOOK_REPO, HOOK_REV, PRE_COMMIT_CONFIG, STARTER_CONFIG, WORKFLOW } from '../../packages/cli/src/init/templates.js';
import { main } from '../../packages/cli/src/main.js';
import { git, plantedSecrets, runCli, tempTree } from '../support/cli.js';

async function init(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['init', ...args], {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

type PreCommit = { repos: Array<{ repo: string; rev?: string; hooks: Array<{ id: string }> }> };

function ourEntries(text: string): PreCommit['repos'] {
  return (parse(text) as PreCommit).repos.filter((r) => r.repo === HOOK_REPO);
}

const EXISTING = `# Hooks for this repository. Keep the formatter first.
default_stages: [pre-commit]
repos:
- repo: https://github.com/pre-commit/pre-commit-hooks
  rev: v4.6.0   # pinned on purpose
  hooks:
  - id: trailing-whitespace
  # - id: end-of-file-fixer  (disabled: breaks the fixtures)

# Python formatting
ci:
  autofix_prs: false
`;

describe('secret-audit init', () => {
  it('writes the starter config, the pre-commit config and the workflow into an empty directory', async () => {
    const tree = tempTree({ 'package.json': '{}\n' });
    try {
      const result = await init([], tree.dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('wrote .secret-audit.yaml');
      expect(result.stdout).toContain('wrote .pre-commit-config.yaml');
      expect(result.stdout).toContain('wrote .github/workflows/secret-audit.yml');
      expect(result.stdout).toContain('eslint.config.js'); // a package.json: the plugin is suggested
      expect(readFileSync(join(tree.dir, '.secret-audit.yaml'), 'utf8')).toBe(STARTER_CONFIG);
      expect(readFileSync(join(tree.dir, '.github/workflows/secret-audit.yml'), 'utf8')).toBe(WORKFLOW);
      expect(ourEntries(readFileSync(join(tree.dir, '.pre-commit-config.yaml'), 'utf8'))).toEqual([
        { repo: HOOK_REPO, rev: HOOK_REV, hooks: [{ id: 'secret-audit' }] },
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('is idempotent: a second run skips every file and changes nothing', async () => {
    const tree = tempTree({});
    try {
      await init([], tree.dir);
      const before = ['.secret-audit.yaml', '.pre-commit-config.yaml', '.github/workflows/secret-audit.yml'].map((f) => readFileSync(join(tree.dir, f), 'utf8'));
      const again = await init([tree.dir], tree.dir);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('skipped .secret-audit.yaml (exists; --force overwrites it)');
      expect(again.stdout).toContain('skipped .pre-commit-config.yaml (the secret-audit hook is already there)');
      expect(again.stdout).toContain('skipped .github/workflows/secret-audit.yml');
      expect(again.stdout).not.toContain('eslint.config.js'); // no package.json
      const after = ['.secret-audit.yaml', '.pre-commit-config.yaml', '.github/workflows/secret-audit.yml'].map((f) => readFileSync(join(tree.dir, f), 'utf8'));
      expect(after).toEqual(before);
    } finally {
      tree.cleanup();
    }
  });

  it('keeps existing files unless --force, and never replaces the pre-commit config', async () => {
    const tree = tempTree({ '.secret-audit.yaml': 'extraLoggers: [mine]\n', '.pre-commit-config.yaml': EXISTING });
    try {
      await init([], tree.dir);
      expect(readFileSync(join(tree.dir, '.secret-audit.yaml'), 'utf8')).toBe('extraLoggers: [mine]\n');
      const forced = await init(['--force'], tree.dir);
      expect(forced.stdout).toContain('overwrote .secret-audit.yaml');
      expect(readFileSync(join(tree.dir, '.secret-audit.yaml'), 'utf8')).toBe(STARTER_CONFIG);
      const text = readFileSync(join(tree.dir, '.pre-commit-config.yaml'), 'utf8');
      expect(ourEntries(text)).toHaveLength(1);
    } finally {
      tree.cleanup();
    }
  });

  it('rejects unknown flags and a directory that does not exist (exit 2)', async () => {
    const tree = tempTree({});
    try {
      expect((await init(['--forse'], tree.dir)).code).toBe(2);
      const missing = await init(['nowhere'], tree.dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('init: not a directory: nowhere');
      expect(existsSync(join(tree.dir, '.secret-audit.yaml'))).toBe(false);
    } finally {
      tree.cleanup();
    }
  });

  it('the starter config is a valid config that changes nothing', async () => {
    const tree = tempTree({ '.secret-audit.yaml': STARTER_CONFIG });
    try {
      const config = await loadProjectConfig(join(tree.dir, '.secret-audit.yaml'), tree.dir);
      expect(config).toMatchObject({ names: {}, ignorePaths: [], rules: {} });
      expect(config.tokenCatalog).toBeUndefined();
    } finally {
      tree.cleanup();
    }
  });
});

describe('after init', () => {
  it('the hook command blocks a commit that stages a secret, with the starter config in place', async () => {
    const tree = tempTree({ 'app.py': 'print("hello")\n' });
    try {
      git(tree.dir, ['init', '-q']);
      expect((await init([], tree.dir)).code).toBe(0);
      git(tree.dir, ['add', '.']);
      expect(runCli(['--staged'], { cwd: tree.dir }).status).toBe(0);
      const { huggingFace } = plantedSecrets();
      writeFileSync(join(tree.dir, 'settings.py'), `HF_TOKEN = "${huggingFace}"\n`);
      git(tree.dir, ['add', 'settings.py']);
      const blocked = runCli(['--staged'], { cwd: tree.dir });
      expect(blocked.status).toBe(1);
      expect(blocked.stdout).toContain('settings.py:1');
      expect(blocked.stdout).not.toContain(huggingFace);
    } finally {
      tree.cleanup();
    }
  });
});

describe('adding the hook to an existing .pre-commit-config.yaml', () => {
  it('appends to the repos list, keeping every line, comment and key of the file', () => {
    const edit = addPreCommitHook(EXISTING);
    expect(edit.kind).toBe('added');
    const text = (edit as { text: string }).text;
    for (const line of EXISTING.split('\n')) expect(text.split('\n')).toContain(line);
    const parsed = parse(text) as PreCommit & Record<string, unknown>;
    expect(parsed.repos.map((r) => r.repo)).toEqual(['https://github.com/pre-commit/pre-commit-hooks', HOOK_REPO]);
    expect(parsed['ci']).toEqual({ autofix_prs: false });
    expect(parsed['default_stages']).toEqual(['pre-commit']);
    // the new entry sits inside the list, before the comment that introduces the next section
    expect(text.indexOf(HOOK_REPO)).toBeLessThan(text.indexOf('# Python formatting'));
    expect(addPreCommitHook(text)).toEqual({ kind: 'present' });
  });

  it('follows the indentation of the existing items', () => {
    const indented = 'repos:\n    - repo: local\n      hooks:\n        - id: lint\n          name: lint\n          entry: make lint\n          language: system\n';
    const text = (addPreCommitHook(indented) as { text: string }).text;
    expect(text).toContain(`\n    - repo: ${HOOK_REPO}\n`);
    expect((parse(text) as PreCommit).repos.map((r) => r.repo)).toEqual(['local', HOOK_REPO]);
  });

  it('adds a repos list to a file without one, creates the file when absent, and leaves flow-style lists to the user', () => {
    const added = addPreCommitHook('fail_fast: true') as { text: string };
    expect(parse(added.text)).toMatchObject({ fail_fast: true, repos: [{ repo: HOOK_REPO }] });
    expect(addPreCommitHook(undefined)).toEqual({ kind: 'created', text: PRE_COMMIT_CONFIG });
    expect(addPreCommitHook('repos: []\n').kind).toBe('manual');
  });

  it('keeps Windows line endings', () => {
    const text = (addPreCommitHook(EXISTING.replaceAll('\n', '\r\n')) as { text: string }).text;
    expect(text.split('\r\n').length - 1).toBe(text.split('\n').length - 1);
    expect((parse(text) as PreCommit).repos.map((r) => r.repo)).toContain(HOOK_REPO);
    const fresh = (addPreCommitHook('fail_fast: true\r\n') as { text: string }).text;
    expect(fresh).not.toMatch(/[^\r]\n/);
  });

  it('recognises the hook already configured under another layout', () => {
    expect(addPreCommitHook('repos:\n  - repo: local\n    hooks:\n      - id: secret-audit\n        entry: npx secret-audit --staged\n').kind).toBe('present');
  });

  it('a flow-style list is reported for a manual edit and the file is left alone (exit 2)', async () => {
    const tree = tempTree({ '.pre-commit-config.yaml': 'repos: []\n' });
    try {
      const result = await init([], tree.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('add this entry under repos: by hand');
      expect(readFileSync(join(tree.dir, '.pre-commit-config.yaml'), 'utf8')).toBe('repos: []\n');
      expect(existsSync(join(tree.dir, '.github/workflows/secret-audit.yml'))).toBe(true);
    } finally {
      tree.cleanup();
    }
  });

  it('a block scalar at the end of the list does not swallow the new entry', async () => {
    const tricky = 'repos:\n- repo: local\n  hooks:\n  - id: x\n    entry: |\n      echo hi\n';
    const tree = tempTree({ '.pre-commit-config.yaml': tricky });
    try {
      expect((await init([], tree.dir)).code).toBe(0);
      const text = readFileSync(join(tree.dir, '.pre-commit-config.yaml'), 'utf8');
      expect(ourEntries(text)).toHaveLength(1);
      expect((parse(text) as { repos: Array<{ hooks: Array<{ entry?: string }> }> }).repos[0]!.hooks[0]!.entry).toBe('echo hi\n');
    } finally {
      tree.cleanup();
    }
  });
});
