import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plantedSecrets, runCli, tempTree } from '../support/cli.js';

const secrets = plantedSecrets();

describe('baseline round trip', () => {
  const tree = tempTree({ 'app.py': `import os\n\nHF = "${secrets.huggingFace}"\n` });
  afterAll(tree.cleanup);

  it('records findings, then reports only new ones, surviving line moves', () => {
    const write = runCli(['app.py', '--no-deep', '--write-baseline', 'baseline.json'], { cwd: tree.dir });
    expect(write.status).toBe(0);
    const baselineText = readFileSync(join(tree.dir, 'baseline.json'), 'utf8');
    expect(baselineText).not.toContain(secrets.huggingFace);
    expect((JSON.parse(baselineText) as { findings: unknown[] }).findings).toHaveLength(1);

    // Code moves: the known finding stays known.
    writeFileSync(join(tree.dir, 'app.py'), `import os\nimport sys\n\n\nHF = "${secrets.huggingFace}"\n`);
    const known = runCli(['app.py', '--no-deep', '--baseline', 'baseline.json', '--format', 'json'], { cwd: tree.dir });
    expect(known.status).toBe(0);
    expect(JSON.parse(known.stdout)).toMatchObject({ findings: [], stats: { baselined: 1 } });

    // A new secret is still reported.
    writeFileSync(join(tree.dir, 'app.py'), `HF = "${secrets.huggingFace}"\nGH = "${secrets.github}"\n`);
    const fresh = runCli(['app.py', '--no-deep', '--baseline', 'baseline.json', '--format', 'json'], { cwd: tree.dir });
    expect(fresh.status).toBe(1);
    expect((JSON.parse(fresh.stdout) as { findings: Array<{ line: number }> }).findings.map((f) => f.line)).toEqual([2]);
  });

  it('exits 2 with a clear message for an unreadable baseline', () => {
    writeFileSync(join(tree.dir, 'broken.json'), '{"not": "a baseline"}');
    const run = runCli(['app.py', '--baseline', 'broken.json'], { cwd: tree.dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a secret-audit baseline');
  });
});
