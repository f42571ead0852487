import { describe, expect, it } from 'vitest';
import { pythonModuleFacts, pythonSecretReads } from '@secret-hygiene/python';

const summary = async (source: string) =>
  (await pythonSecretReads(source)).map((r) => `${r.kind}:${r.name}:${r.form}:${r.line}:${r.column}${r.guarded ? ':guarded' : ''}`);

describe('pythonSecretReads: environment', () => {
  it('finds os.environ subscripts, .get and os.getenv with their positions', async () => {
    const src = ['import os', 'a = os.environ["API_KEY"]', "b = os.environ.get('HF_TOKEN', '')", 'c = os.getenv("FAL_KEY")'].join('\n');
    expect(await summary(src)).toEqual([
      'env:API_KEY:subscript:2:5',
      'env:HF_TOKEN:get:3:5:guarded',
      'env:FAL_KEY:getenv:4:5:guarded',
    ]);
  });

  it('follows `from os import environ, getenv` aliases and module constants', async () => {
    const src = ['from os import environ as env, getenv', 'KEY = "WEBHOOK_URL"', 'x = env[KEY]', 'y = getenv("OTHER")'].join('\n');
    expect(await summary(src)).toEqual(['env:WEBHOOK_URL:subscript:3:5', 'env:OTHER:getenv:4:5:guarded']);
  });

  it('does not count writes or deletes as reads', async () => {
    const src = ['import os', 'os.environ["HF_TOKEN"] = token', 'del os.environ["X_TOKEN"]'].join('\n');
    expect(await summary(src)).toEqual([]);
  });

  it('marks a subscript guarded by try/except KeyError or an if on the same name', async () => {
    const src = [
      'import os',
      'try:',
      '    a = os.environ["A_KEY"]',
      'except KeyError:',
      '    a = None',
      'if "B_KEY" in os.environ:',
      '    b = os.environ["B_KEY"]',
      'c = os.environ["C_KEY"]',
    ].join('\n');
    expect(await summary(src)).toEqual([
      'env:A_KEY:subscript:3:9:guarded',
      'env:B_KEY:membership:6:4:guarded',
      'env:B_KEY:subscript:7:9:guarded',
      'env:C_KEY:subscript:8:5',
    ]);
  });

  it('finds reads inside f-string interpolations', async () => {
    expect(await summary('h = f"Bearer {os.environ[\'API_KEY\']}"\n')).toEqual(['env:API_KEY:subscript:1:15']);
  });

  it('ignores dynamic names and look-alike mappings', async () => {
    const src = ['import os', 'name = input()', 'a = os.environ[name]', 'b = settings["API_KEY"]', 'c = f"{os.environ}"'].join('\n');
    expect(await summary(src)).toEqual([]);
  });
});

describe('pythonSecretReads: Truss', () => {
  it('follows kwargs["secrets"] into self._secrets reads, .get and in', async () => {
    const src = [
      'class Model:',
      '    def __init__(self, **kwargs):',
      '        self._store = kwargs["secrets"]',
      '    def load(self):',
      '        a = self._store["hf_access_token"]',
      '        b = self._store.get("other")',
      '        if "third" in self._store: pass',
    ].join('\n');
    expect(await summary(src)).toEqual([
      'truss-secret:hf_access_token:subscript:5:13',
      'truss-secret:other:get:6:13',
      'truss-secret:third:membership:7:12',
    ]);
  });

  it('recognises the usual holder names and direct kwargs lookups', async () => {
    const src = ['x = self._secrets["a"]', 'y = kwargs["secrets"]["b"]', 'z = self._context.secrets["c"]'].join('\n');
    expect(await summary(src)).toEqual(['truss-secret:a:subscript:1:5', 'truss-secret:b:subscript:2:5', 'truss-secret:c:subscript:3:5']);
  });

  it('finds /secrets/<name> files in open(), Path() and path joins', async () => {
    const src = [
      'open("/secrets/hf_access_token").read()',
      'Path("/secrets/api-key").read_text()',
      'Path("/secrets") / "joined"',
      'os.path.join("/secrets", "osjoin")',
      'f"/secrets/{dynamic}"',
    ].join('\n');
    expect(await summary(src)).toEqual([
      'secret-file:hf_access_token:path:1:6',
      'secret-file:api-key:path:2:6',
      'secret-file:joined:path:3:1',
      'secret-file:osjoin:path:4:1',
    ]);
  });
});

describe('pythonSecretReads: Cog Secret parameters', () => {
  it('finds Secret, Optional[Secret] and list[Secret] parameters with their defaults', async () => {
    const src = [
      'from cog import BasePredictor, Input, Secret',
      'from typing import Optional',
      'class Predictor(BasePredictor):',
      '    def predict(self, prompt: str, api_key: Secret = Input(description="k", default="sk-live-0123456789"),',
      '                maybe: Optional[Secret] = Input(default=None), many: list[Secret] = None, other: cog.Secret) -> str:',
      '        return prompt',
    ].join('\n');
    const reads = await pythonSecretReads(src);
    expect(reads.map((r) => [r.name, r.annotation, r.optional ?? false, r.functionName])).toEqual([
      ['api_key', 'Secret', false, 'predict'],
      ['maybe', 'Optional[Secret]', true, 'predict'],
      ['many', 'list[Secret]', true, 'predict'],
      ['other', 'Secret', false, 'predict'],
    ]);
    const line4 = src.split('\n')[3]!;
    expect(reads[0]!.stringDefault).toMatchObject({ value: 'sk-live-0123456789', line: 4, column: line4.indexOf('"sk-') + 1 });
    expect(reads[1]!.stringDefault).toBeUndefined();
  });
});

describe('pythonModuleFacts', () => {
  it('lists top-level imports and static strings, and survives broken syntax', async () => {
    const facts = await pythonModuleFacts('import huggingface_hub.utils as h\nfrom openai import OpenAI\nfrom . import local\nx = "WEBHOOK_URL"\ndef broken(:\n');
    expect(facts.imports.sort()).toEqual(['huggingface_hub', 'openai']);
    expect(facts.strings).toContain('WEBHOOK_URL');
    expect(facts.hasSyntaxErrors).toBe(true);
  });

  it('reports columns in UTF-16 units after non-ASCII text', async () => {
    const [read] = await pythonSecretReads('s = "ééé"; k = os.environ["A_KEY"]\n');
    expect(read).toMatchObject({ line: 1, column: 16 });
  });
});

describe('pythonModuleFacts: the whole environment handed over', () => {
  it('notices os.environ passed to a subprocess, copied or iterated', async () => {
    for (const src of ['subprocess.run(cmd, env=os.environ)', 'env = dict(os.environ)', 'env = os.environ.copy()', '{k: v for k, v in os.environ.items()}', 'from os import environ\nrun(environ)']) {
      expect((await pythonModuleFacts(`import os\n${src}\n`)).passesWholeEnvironment, src).toBe(true);
    }
  });

  it('does not count single-variable reads and writes', async () => {
    const src = ['import os', 'a = os.environ["A"]', 'b = os.environ.get("B")', 'os.environ["C"] = "1"', 'os.environ.setdefault("D", "1")', 'if "E" in os.environ: pass', 'from os import environ'].join('\n');
    expect((await pythonModuleFacts(src)).passesWholeEnvironment).toBe(false);
  });

  it('follows `kwargs.get("secrets") or {}` to the secrets mapping', async () => {
    const src = ['class Model:', '    def __init__(self, **kwargs):', '        self.s = kwargs.get("secrets") or {}', '    def load(self):', '        t = self.s["hf_access_token"]'].join('\n');
    expect((await pythonSecretReads(src)).map((r) => `${r.kind}:${r.name}`)).toEqual(['truss-secret:hf_access_token']);
  });
});

describe('pythonModuleFacts: the whole secrets mapping handed over', () => {
  it('notices the mapping passed on, merged into the environment or iterated', async () => {
    for (const src of ['os.environ.update(self._secrets)', 'for k, v in self._secrets.items(): pass', 'run(**secrets)', 'for name in secrets: pass']) {
      expect((await pythonModuleFacts(`import os\n${src}\n`)).passesWholeSecrets, src).toBe(true);
    }
  });

  it('does not count keyed reads or the assignment that stores it', async () => {
    const src = ['self._secrets = kwargs["secrets"]', 'a = self._secrets["a"]', 'b = self._secrets.get("b")', 'helper(self._secrets)', 'log(dict(secrets))', 'import secrets', 'c = secrets.token_hex(8)'].join('\n');
    expect((await pythonModuleFacts(src)).passesWholeSecrets).toBe(false);
  });
});
