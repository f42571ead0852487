import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, plantedSecrets, randomAlphanumeric, runCli, runCliAsync, tempTree } from '../support/cli.js';

// Every output of ours (each format, stderr, files we write) is searched for the full text of planted secrets.
const s = plantedSecrets();
const more = { hf2: `hf_${randomAlphanumeric(34)}`, gh2: `ghp_${randomAlphanumeric(36)}`, r82: `r8_${randomAlphanumeric(37)}` };
// A key block: every line of its body is secret text on its own.
const keyBody = [1, 2, 3, 4].map(() => randomAlphanumeric(64));
const privateKey = `-----BEGIN RSA PRIVATE KEY-----\n${keyBody.join('\n')}\n-----END RSA PRIVATE KEY-----\n`;
const all = [...Object.values(s), ...Object.values(more), ...keyBody];

const notebook = JSON.stringify(
  {
    cells: [
      { cell_type: 'code', source: ['import os\n', `token = "${s.huggingFace}"\n`], outputs: [{ output_type: 'stream', name: 'stdout', text: [`Using ${more.gh2}\n`] }] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

const tree = tempTree({
  'app.ts': `const key = "${s.github}";\nconsole.log(key, "${more.hf2}");\nfetch("http://example.com", { headers: { Authorization: key } });\n`,
  'predict.py': `import os\nTOKEN = "${s.replicate}"  # two on a line: ${more.r82}\nprint(TOKEN)\n`,
  // A suppressed secret next to a reported one: the code frame must redact both.
  'suppressed.py': `# secret-hygiene-ignore no-hardcoded-secret -- rotated test key\nA = "${more.gh2}"\nB = "${s.huggingFace}"\n`,
  '.env': `HF_TOKEN=${more.hf2}\n`,
  'config.yaml': `model_name: demo\nsecrets:\n  hf_access_token: "${s.huggingFace}"\n`,
  'settings.json': `{"api_key": "${more.r82}"}\n`,
  'notebook.ipynb': notebook,
  'broken.ipynb': `{"cells": [ "${s.github}" `,
  [`${more.gh2}.py`]: 'x = 1\n',
  'deploy/key.pem': privateKey,
});
afterAll(tree.cleanup);

function expectNoSecret(text: string, where: string): void {
  for (const secret of all) expect(text.includes(secret), `${where} contains a full secret`).toBe(false);
}

describe('no output contains a full secret', () => {
  it('holds for text (plain and coloured), json, sarif, quiet, and the files we write', async () => {
    const runs = await Promise.all([
      runCliAsync([], { cwd: tree.dir }),
      runCliAsync(['--no-deep'], { cwd: tree.dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }),
      runCliAsync(['--no-deep', '--quiet'], { cwd: tree.dir }),
      runCliAsync(['--format', 'json'], { cwd: tree.dir }),
      runCliAsync(['--format', 'sarif'], { cwd: tree.dir }),
      runCliAsync(['--no-deep', '--format', 'sarif', '--output', 'out.sarif', '--write-baseline', 'baseline.json'], { cwd: tree.dir }),
    ]);
    for (const [i, run] of runs.entries()) {
      expect(run.status, run.stderr).not.toBe(2);
      expectNoSecret(run.stdout, `run ${i} stdout`);
      expectNoSecret(run.stderr, `run ${i} stderr`);
    }
    expectNoSecret(readFileSync(join(tree.dir, 'out.sarif'), 'utf8'), 'out.sarif');
    expectNoSecret(readFileSync(join(tree.dir, 'baseline.json'), 'utf8'), 'baseline.json');

    // The planted secrets were found (so the check above is about real findings and frames).
    const report = JSON.parse(runs[3]!.stdout) as { findings: Array<{ file: string; ruleId: string }> };
    const files = new Set(report.findings.filter((f) => f.ruleId === 'no-hardcoded-secret').map((f) => f.file));
    for (const file of ['app.ts', 'predict.py', 'suppressed.py', '.env', 'settings.json', 'notebook.ipynb', 'deploy/key.pem']) {
      expect(files).toContain(file);
    }
    expect(runs[0]!.stdout).toContain('suppressed.py:3:6');
  }, 120_000); // three runs load every front end (TypeScript, tree-sitter, the config validator)

  it('holds for --staged and for error messages that quote input', () => {
    git(tree.dir, ['init', '-q']);
    git(tree.dir, ['add', '.']);
    const staged = runCli(['--staged', '--no-deep'], { cwd: tree.dir });
    expect(staged.status).toBe(1);
    expectNoSecret(staged.stdout + staged.stderr, '--staged output');
    const usage = runCli([s.github, `--${more.hf2}`], { cwd: tree.dir });
    expect(usage.status).toBe(2);
    expectNoSecret(usage.stderr, 'usage error');
    const missing = runCli([s.github], { cwd: tree.dir });
    expect(missing.status).toBe(2);
    expectNoSecret(missing.stderr, 'missing path error');
  }, 60_000);
});
