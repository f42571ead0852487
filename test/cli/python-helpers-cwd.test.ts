// A Python helper module imported from the repository is found the same way whatever folder the CLI runs from.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempTree } from '../support/cli.js';

const tree = tempTree({
  '.git/HEAD': 'ref: refs/heads/main\n',
  'app/__init__.py': '',
  'app/utils.py': 'def announce(token):\n    print("using", token)\n',
  'app/predict.py': 'import os\nfrom app.utils import announce\n\nannounce(os.environ["HF_TOKEN"])\n',
});
afterAll(tree.cleanup);

function findings(cwd: string, target: string): string[] {
  const run = runCli(['--format', 'json', target], { cwd });
  expect(run.status).toBe(1);
  return (JSON.parse(run.stdout) as { findings: Array<{ file: string; line: number; ruleId: string }> }).findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`);
}

describe('helper modules and the working directory', () => {
  it('reports the same flow from the repository root, from the app folder and from outside', () => {
    expect(findings(tree.dir, '.')).toEqual(['app/utils.py:2:no-secret-in-log']);
    expect(findings(join(tree.dir, 'app'), '.')).toEqual(['utils.py:2:no-secret-in-log']);
    expect(findings(join(tree.dir, '..'), tree.dir).map((f) => f.replace(/^.*\/app\//, 'app/'))).toEqual(['app/utils.py:2:no-secret-in-log']);
  });
});
