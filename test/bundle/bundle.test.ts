// The root package's bin is a bundle of the CLI that pre-commit installs with no workspace around it. Every file
// the code finds at run time must ship beside the chunks, and every module it loads must be inside the bundle:
// these runs copy dist/ to a folder with no node_modules above it and use the features that load code lazily.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomAlphanumeric, REPO_ROOT, runCli, tempTree } from '../support/cli.js';

const DIST = join(REPO_ROOT, 'dist');
const installed = mkdtempSync(join(tmpdir(), 'secret-audit-bundle-'));
cpSync(DIST, join(installed, 'dist'), { recursive: true });
cpSync(join(REPO_ROOT, 'package.json'), join(installed, 'package.json'));
afterAll(() => rmSync(installed, { recursive: true, force: true }));

function runBundle(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(installed, 'dist/secret-audit.js'), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SECRET_AUDIT_NO_CACHE: '1' },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the bundled CLI, installed away from the workspace', () => {
  it('ships every file its chunks look for beside them', () => {
    const chunks = readdirSync(DIST).filter((name) => name.endsWith('.js'));
    const wanted = new Set<string>();
    for (const chunk of chunks) {
      const code = readFileSync(join(DIST, chunk), 'utf8');
      for (const m of code.matchAll(/bundledFile\(import\.meta\.url, "([^"]+)"\)/g)) wanted.add(m[1]!);
      for (const m of code.matchAll(/new URL\("(\.\/)?([^"./][^"/]*)", import\.meta\.url\)/g)) wanted.add(m[2]!);
    }
    expect([...wanted].sort()).toEqual(
      expect.arrayContaining(['catalog.json', 'config-validator.js', 'pool-worker.js', 'tree-sitter-python.wasm', 'typescript.cjs', 'web-tree-sitter.wasm']),
    );
    for (const name of wanted) expect(existsSync(join(DIST, name)), name).toBe(true);
  });

  it('init edits an existing pre-commit config, and a run reads the project config it wrote', () => {
    const repo = tempTree({ '.pre-commit-config.yaml': 'repos:\n  - repo: local\n    hooks: []\n' });
    try {
      const init = runBundle(['init'], repo.dir);
      expect(init.stderr).toBe('');
      expect(init.status).toBe(0);
      expect(readFileSync(join(repo.dir, '.pre-commit-config.yaml'), 'utf8')).toContain('id: secret-audit');
      const clean = runBundle(['.'], repo.dir);
      expect(clean.stderr).toBe('');
      expect(clean.status).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('reports a project token format, a TypeScript flow and a Python flow like the workspace CLI', () => {
    const token = `acme_${randomAlphanumeric(32)}`;
    const repo = tempTree({
      '.secret-audit.yaml': "extraTokens:\n  - { id: acme-key, description: Acme key, pattern: 'acme_[A-Za-z0-9]{32}', keywords: [acme_] }\n",
      'notes.txt': `key: ${token}\n`,
      'app.ts': 'console.log(`calling with ${process.env.OPENAI_API_KEY}`);\n',
      'predict.py': 'import os\n\nprint(os.environ["HF_TOKEN"])\n',
    });
    try {
      const bundled = runBundle(['--format', 'json', '.'], repo.dir);
      const workspace = runCli(['--format', 'json', '.'], { cwd: repo.dir });
      expect(bundled.stderr).toBe('');
      expect(bundled.status).toBe(1);
      const rules = (stdout: string) =>
        (JSON.parse(stdout) as { findings: { ruleId: string; file: string }[] }).findings.map((f) => `${f.ruleId} ${f.file}`).sort();
      expect(rules(bundled.stdout)).toEqual(['no-hardcoded-secret notes.txt', 'no-secret-in-log app.ts', 'no-secret-in-log predict.py']);
      expect(rules(bundled.stdout)).toEqual(rules(workspace.stdout));
      expect(bundled.stdout).not.toContain(token.slice(5));
    } finally {
      repo.cleanup();
    }
  });
});

