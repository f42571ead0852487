// Calls into helper modules of the repository: read from disk relative to the analysed file, followed like calls
// within the file, with findings and flow paths in the helper's file.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pythonFindings } from '@secret-hygiene/python';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'python-flow-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('helper modules', () => {
  it('reports a sink inside an imported helper that receives the secret, with a path across files', async () => {
    const helper = write('app/helpers/net.py', 'def fetch(url, token):\n    print("GET", url, token)\n');
    const main = write('app/main.py', 'import os\nfrom .helpers.net import fetch\nfetch("https://x", os.environ["HF_TOKEN"])\n');
    const findings = await pythonFindings(main, 'import os\nfrom .helpers.net import fetch\nfetch("https://x", os.environ["HF_TOKEN"])\n');
    expect(findings.map((f) => [f.file, f.line, f.ruleId])).toEqual([[helper, 2, 'no-secret-in-log']]);
    expect(findings[0]!.flow!.map((s) => s.file)).toEqual([main, main, helper]);
  });

  it('uses what an imported helper returns, and stops at modules that are not in the repository', async () => {
    write('svc/keys.py', 'import os\ndef load_key():\n    return os.environ["SERVICE_API_KEY"]\n');
    const source = 'import numpy\nfrom keys import load_key\nprint(load_key())\nprint(numpy.token_count())\n';
    const main = write('svc/run.py', source);
    expect((await pythonFindings(main, source)).map((f) => `${f.line}:${f.ruleId}`)).toEqual(['3:no-secret-in-log']);
  });

  it('follows a configuration a helper returns, named for what it is rather than for a secret', async () => {
    write('cfgfn/app/settings.py', 'import os\ndef get_settings():\n    return {"hf_token": os.environ.get("HF_TOKEN"), "model": "llama"}\n');
    const source = 'from app.settings import get_settings\ns = get_settings()\nprint(s)\nprint(s["model"])\n';
    const main = write('cfgfn/app/main.py', source);
    expect((await pythonFindings(main, source)).map((f) => `${f.line}:${f.ruleId}`)).toEqual(['3:no-secret-in-log']);
  });

  it('reads a configuration variable of a helper module that carries a secret, imported by name or through the module', async () => {
    const conf = write('cfgvar/app/conf.py', 'import os\nSETTINGS = {"hf_token": os.environ.get("HF_TOKEN"), "model": "llama"}\nHEADERS = {"Authorization": f"Bearer {os.environ[\'OPENAI_API_KEY\']}"}\nTIMEOUT = 30\n');
    const source = 'from app.conf import SETTINGS, HEADERS, TIMEOUT\nfrom app import conf\nprint(SETTINGS)\nprint(HEADERS)\nprint(conf.SETTINGS["model"], TIMEOUT)\nprint(conf.HEADERS)\n';
    const main = write('cfgvar/app/main.py', source);
    const findings = await pythonFindings(main, source);
    expect(findings.map((f) => `${f.line}:${f.ruleId}`)).toEqual(['3:no-secret-in-log', '4:no-secret-in-log', '6:no-secret-in-log']);
    expect(findings[0]!.flow!.map((s) => s.file)).toEqual([conf, conf, main, main]);
  });

  it('survives an import cycle and a helper with broken syntax', async () => {
    write('cyc/a.py', 'from b import leak\ndef relay(token):\n    leak(token)\n');
    const b = write('cyc/b.py', 'from a import relay\ndef leak(token):\n    print(token)\n    relay(token\n');
    const source = 'import os\nfrom a import relay\nrelay(os.environ["HF_TOKEN"])\n';
    const main = write('cyc/main.py', source);
    const findings = await pythonFindings(main, source);
    expect(findings.map((f) => [f.file, f.line])).toEqual([[b, 3]]);
  });
});

describe('where helper modules are looked up', () => {
  const source = 'import os\nfrom app.utils import leak\nleak(os.environ["HF_TOKEN"])\n';
  const repo = join(root, 'repo');
  write('repo/.git/HEAD', 'ref: refs/heads/main\n');
  write('repo/app/__init__.py', '');
  write('repo/app/utils.py', 'def leak(token):\n    print(token)\n');
  write('repo/app/predict.py', source);
  write('utils.py', 'def leak(token):\n    print(token)\n');

  it('finds a top-level package from the file\'s real folder, whatever folder paths are relative to', async () => {
    const fromRepo = await pythonFindings('app/predict.py', source, { root: repo });
    const fromApp = await pythonFindings('predict.py', source, { root: join(repo, 'app') });
    expect(fromRepo.map((f) => [f.file, f.line, f.ruleId])).toEqual([['app/utils.py', 2, 'no-secret-in-log']]);
    expect(fromApp.map((f) => [f.file, f.line, f.ruleId])).toEqual([['utils.py', 2, 'no-secret-in-log']]);
  });

  it('never looks above the repository root', async () => {
    write('repo/main.py', 'import os\nfrom utils import leak\nleak(os.environ["HF_TOKEN"])\n');
    // `utils.py` above the repository would print the secret; from inside it, `utils` is a third-party module.
    const found = await pythonFindings('main.py', 'import os\nfrom utils import leak\nleak(os.environ["HF_TOKEN"])\n', { root: repo });
    expect(found).toEqual([]);
  });
});
