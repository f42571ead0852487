import { describe, expect, it } from 'vitest';
import { fileCode } from '../../packages/config/src/code/folder.js';

const reads = async (source: string, path = 'app/server.ts') =>
  ((await fileCode(path, source))?.reads ?? []).map((r) => `${r.kind}:${r.name}:${r.form}:${r.span.line}:${r.span.column}`);

describe('JS/TS secret reads', () => {
  it('finds process.env in every form', async () => {
    const src = [
      'const a = process.env.API_KEY;',
      "const b = process.env['B_TOKEN'];",
      'const { C_SECRET, D_KEY: renamed } = process.env;',
      'const e = Deno.env.get("E_TOKEN");',
    ].join('\n');
    expect(await reads(src)).toEqual([
      'env:API_KEY:property:1:11',
      'env:B_TOKEN:subscript:2:11',
      'env:C_SECRET:destructuring:3:9',
      'env:D_KEY:destructuring:3:19',
      'env:E_TOKEN:get:4:11',
    ]);
  });

  it('finds /secrets/<name> files, secrets mapping keys and Secret-typed parameters', async () => {
    const src = [
      "const a = readFileSync('/secrets/hf_access_token', 'utf8');",
      "const b = path.join('/secrets', 'joined');",
      'const c = secrets.apiKey;',
      "const d = this.secrets['other'];",
      'function run(token: Secret, name: string) {}',
    ].join('\n');
    expect(await reads(src)).toEqual([
      'secret-file:hf_access_token:path:1:24',
      'secret-file:joined:path:2:11',
      'truss-secret:apiKey:property:3:11',
      'truss-secret:other:subscript:4:11',
      'secret-param:token:parameter:5:14',
    ]);
  });

  it('ignores writes of other shapes, dynamic keys and look-alike paths', async () => {
    const src = ['const k = process.env[name];', "const p = readFileSync('/run/secrets/x');", 'const env = { ...process.env };'].join('\n');
    expect(await reads(src)).toEqual([]);
    expect((await fileCode('app/server.ts', src))?.wholeEnvironment).toBe(true);
  });

  it('lists the packages a file imports', async () => {
    const code = await fileCode('app/index.mjs', "import OpenAI from 'openai';\nimport { fal } from '@fal-ai/client/sub';\nconst r = require('replicate');\nimport x from './local.js';\n");
    expect([...(code?.npmPackages ?? [])].sort()).toEqual(['@fal-ai/client', 'openai', 'replicate']);
  });
});
