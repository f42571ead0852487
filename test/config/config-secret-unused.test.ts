import { describe, expect, it } from 'vitest';
import { lines, ruleFindings } from './support.js';

const RULE = 'config-secret-unused';

describe('config-secret-unused: Truss', () => {
  const config = lines('model_name: m', 'secrets:', '  hf_access_token: null', '  read_one: null', '  mentioned: null', '  unused_one: null', 'build:', '  secret_to_path_mapping:', '    build_one: /root/.netrc', 'secrets_extra: 1');
  const configWithBuild = config.replace('  unused_one: null\n', '  unused_one: null\n  build_one: null\n');

  it('flags a declared secret that no code, command or consumer reads', async () => {
    const files = {
      'm/config.yaml': configWithBuild,
      'm/model/model.py': lines('NAME = "mentioned"', 'class Model:', '    def load(self):', '        self._secrets["read_one"]'),
    };
    expect(await ruleFindings(RULE, files)).toEqual(['m/config.yaml:3:3 warning', 'm/config.yaml:6:3 warning']);
  });

  it('counts model_cache and trt_llm as readers of their default secret, hf_access_token', async () => {
    const withCache = lines('model_name: m', 'secrets:', '  hf_access_token: null', 'model_cache:', '  - repo_id: a/b');
    expect(await ruleFindings(RULE, { 'm/config.yaml': withCache, 'm/model/model.py': 'x = 1\n' })).toEqual([]);
    const withHfCache = lines('model_name: m', 'secrets:', '  hf_access_token: null', 'hf_cache:', '  - repo_id: a/b');
    expect(await ruleFindings(RULE, { 'm/config.yaml': withHfCache, 'm/model/model.py': 'x = 1\n' })).toEqual([]);
    const withServer = lines('model_name: m', 'secrets:', '  hf_access_token: null', 'build:', '  model_server: TGI', '  arguments:', '    model_id: a/b');
    expect(await ruleFindings(RULE, { 'm/config.yaml': withServer, 'm/model/model.py': 'x = 1\n' })).toEqual([]);
    const withTrt = lines('model_name: m', 'secrets:', '  hf_access_token: null', 'trt_llm:', '  build:', '    checkpoint_repository:', '      repo: a/b', '      source: HF');
    expect(await ruleFindings(RULE, { 'm/config.yaml': withTrt, 'm/model/model.py': 'x = 1\n' })).toEqual([]);
  });

  it('says nothing when there is no code or command in view that could read a secret', async () => {
    expect(await ruleFindings(RULE, { 'm/config.yaml': lines('model_name: m', 'secrets:', '  anything: null') })).toEqual([]);
  });
});

describe('config-secret-unused: inference.sh', () => {
  const inf = lines('secrets:', '  - key: HF_TOKEN', '    description: d', '  - key: FAL_KEY', '    description: d', '  - key: OPENAI_API_KEY', '    description: d', '  - key: WEBHOOK_URL', '    description: d');

  it('flags declared secrets that neither the code nor a library it uses reads', async () => {
    expect(await ruleFindings(RULE, { 'a/inf.yml': inf, 'a/app.py': 'import os\n' })).toEqual([
      'a/inf.yml:2:10 warning', 'a/inf.yml:4:10 warning', 'a/inf.yml:6:10 warning', 'a/inf.yml:8:10 warning',
    ]);
  });

  it('says nothing when the app hands its whole environment to a subprocess', async () => {
    expect(await ruleFindings(RULE, { 'a/inf.yml': inf, 'a/app.py': 'import os, subprocess\nsubprocess.run(["serve"], env=os.environ)\n' })).toEqual([]);
    expect(await ruleFindings(RULE, { 'b/inf.yml': inf, 'b/app.js': "spawn('serve', { env: { ...process.env, PORT: '80' } });\n" })).toEqual([]);
  });

  it('knows which libraries read which variable, from imports, requirements and package.json', async () => {
    const files = {
      'a/inf.yml': inf,
      'a/app.py': lines('from transformers import pipeline', 'import os', 'url = os.environ.get("WEBHOOK_URL")'),
      'a/requirements.lock': lines('fal-client==0.5.0', '# openai'),
      'a/package.json': JSON.stringify({ dependencies: { openai: '^4.0.0' } }),
    };
    expect(await ruleFindings(RULE, files)).toEqual([]);
  });
});

describe('config-secret-unused: helpers shared by several apps', () => {
  it('counts a read in a helper in a parent folder as a use, without holding the helper to any one config', async () => {
    const inf = (key: string) => `secrets:\n  - key: ${key}\n    description: d\n`;
    const files = {
      'grid/pruna/pruna_helper.py': 'import os\nKEY = os.environ["PRUNA_KEY"]\nOTHER = os.environ["OTHER_API_KEY"]\n',
      'grid/pruna/p-image/inf.yml': inf('PRUNA_KEY'),
      'grid/pruna/p-image/inference.py': 'from .pruna_helper import run\n',
      'grid/pruna/p-video/inf.yml': inf('PRUNA_KEY'),
      'grid/pruna/p-video/inference.py': 'from .pruna_helper import run\n',
      'grid/other/x/inf.yml': inf('UNUSED_KEY'),
      'grid/other/x/inference.py': 'import os\n',
    };
    expect(await ruleFindings(RULE, files)).toEqual(['grid/other/x/inf.yml:2:10 warning']);
    expect(await ruleFindings('config-secret-undeclared', files)).toEqual([]);
  });
});
