import { describe, expect, it } from 'vitest';
import { auditSummary, lines, ruleFindings } from './support.js';

const RULE = 'config-secret-undeclared';
const trussConfig = (...extra: string[]) => lines('model_name: m', 'secrets:', '  declared: null', ...extra);

describe('config-secret-undeclared: Truss', () => {
  it('flags model code that reads an undeclared secret in any form (.get and in are not guards)', async () => {
    const model = lines(
      'class Model:',
      '    def __init__(self, **kwargs):',
      '        self._s = kwargs["secrets"]',
      '    def load(self):',
      '        a = self._s["declared"]',
      '        b = self._s["missing_a"]',
      '        c = self._s.get("missing_b")',
      '        if "missing_c" in self._s: pass',
      '        d = open("/secrets/missing_d").read()',
      '        e = os.environ["TRUSS_SECRET_missing_e"]',
      '        f = os.environ["HF_TOKEN"]',
    );
    expect(await ruleFindings(RULE, { 'm/config.yaml': trussConfig(), 'm/model/model.py': model })).toEqual([
      'm/model/model.py:6:13 error', 'm/model/model.py:7:13 error', 'm/model/model.py:8:12 error', 'm/model/model.py:9:18 error', 'm/model/model.py:10:13 error',
    ]);
  });

  it('flags the start command, build commands and config consumers that name an undeclared secret', async () => {
    const config = trussConfig(
      'docker_server:',
      '  start_command: sh -c "A=$(cat /secrets/declared) B=$(cat /secrets/nope) serve"',
      'build_commands:',
      '  - echo $TRUSS_SECRET_declared ${TRUSS_SECRET_nope2} && cat /run/secrets/docker_one ./secrets/local',
      'model_cache:',
      '  - repo_id: a/b',
      '    runtime_secret_name: nope3',
      '  - repo_id: c/d',
      'base_image:',
      '  image: x',
      '  docker_auth:',
      '    secret_name: declared',
    );
    const col = (line: number, text: string) => config.split('\n')[line - 1]!.indexOf(text) + 1;
    expect(await ruleFindings(RULE, { 'config.yaml': config })).toEqual([
      `config.yaml:5:${col(5, '/secrets/nope')} error`, `config.yaml:7:${col(7, '${TRUSS_SECRET_nope2')} error`, `config.yaml:10:${col(10, 'nope3')} error`,
    ]);
  });

  it('reads JS/TS custom servers too', async () => {
    const server = lines("import { readFileSync } from 'node:fs';", "const key = readFileSync('/secrets/server_key', 'utf8');", "const ok = readFileSync('/secrets/declared', 'utf8');");
    expect(await ruleFindings(RULE, { 's/config.yaml': trussConfig('docker_server:', '  start_command: node server.js'), 's/server.js': server })).toEqual(['s/server.js:2:26 error']);
  });

  it('leaves code outside the model folder and other platforms alone', async () => {
    expect(await ruleFindings(RULE, { 'm/config.yaml': trussConfig(), 'other/x.py': 'a = self._secrets["elsewhere"]\n' })).toEqual([]);
    expect(await ruleFindings(RULE, { 'c/cog.yaml': lines('build:', '  gpu: true'), 'c/predict.py': 'a = os.environ["OPENAI_API_KEY"]\n' })).toEqual([]);
  });
});

describe('config-secret-undeclared: inference.sh', () => {
  const inf = lines('secrets:', '  - key: API_KEY', '    description: d', '  - key: OPT_TOKEN', '    description: d', '    optional: true', 'integrations:', '  - key: google.sheets', 'credentials:', '  - provider: aws', '    secrets: [AWS_SECRET_ACCESS_KEY]');

  it('flags secret-named env reads that nothing declares or injects, in Python and JS', async () => {
    const py = lines(
      'import os',
      'a = os.environ["API_KEY"]',
      'b = os.getenv("HF_TOKEN")',
      'c = os.environ.get("GOOGLE_OAUTH_ACCESS_TOKEN")',
      'd = os.environ["AWS_SECRET_ACCESS_KEY"]',
      'e = os.environ.get("PORT")',
      'f = os.environ["MODEL_NAME"]',
      'g = os.environ.get("OPENAI_API_KEY")',
    );
    const js = lines('const k = process.env.STRIPE_SECRET_KEY;', "const { API_KEY, LOG_LEVEL } = process.env;", "const x = process.env['SLACK_BOT_TOKEN'];");
    expect(await ruleFindings(RULE, { 'a/inf.yml': inf, 'a/app.py': py, 'a/src/app.ts': js })).toEqual([
      'a/app.py:3:5 error', 'a/app.py:8:5 error', 'a/src/app.ts:1:11 error', 'a/src/app.ts:3:11 error',
    ]);
  });

  it('warns when an optional secret is read with os.environ[...] without a guard', async () => {
    const py = lines(
      'import os',
      'a = os.environ["OPT_TOKEN"]',
      'b = os.environ.get("OPT_TOKEN")',
      'if "OPT_TOKEN" in os.environ:',
      '    c = os.environ["OPT_TOKEN"]',
      'try:',
      '    d = os.environ["OPT_TOKEN"]',
      'except KeyError:',
      '    d = None',
    );
    expect(await ruleFindings(RULE, { 'a/inf.yml': inf, 'a/app.py': py })).toEqual(['a/app.py:2:5 warning']);
  });

  it('treats config-declared names as secrets for the flow engine', async () => {
    const { declared } = await auditSummary({ 'a/inf.yml': inf, 'm/config.yaml': trussConfig() });
    expect(declared).toEqual(['API_KEY', 'AWS_SECRET_ACCESS_KEY', 'GOOGLE_OAUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_CREDENTIALS', 'GOOGLE_SA_CREDENTIALS', 'OPT_TOKEN', 'TRUSS_SECRET_declared']);
    const vertex = await auditSummary({ 'v/inf.yml': 'integrations:\n  - key: gcp.vertex_ai\n' });
    expect(vertex.declared).toEqual(['GCP_ACCESS_TOKEN']);
  });
});

describe('config-secret-undeclared: what is not the platform runtime', () => {
  it('does not hold tests to the config, but counts their reads as uses', async () => {
    const inf = 'secrets:\n  - key: API_KEY\n    description: d\n';
    const files = {
      'a/inf.yml': inf,
      'a/app.py': 'import os\n',
      'a/tests/test_app.py': 'import os\nk = os.environ["OPENAI_API_KEY"]\nj = os.environ["API_KEY"]\n',
      'a/app.test.ts': 'const k = process.env.STRIPE_SECRET_KEY;\n',
    };
    expect(await ruleFindings(RULE, files)).toEqual([]);
    expect(await ruleFindings('config-secret-unused', files)).toEqual([]);
  });

  it('assumes an integration the catalog does not map provides its provider-prefixed variables', async () => {
    const inf = 'integrations:\n  - key: slack.bot\n';
    const py = 'import os\na = os.environ["SLACK_BOT_TOKEN"]\nb = os.environ["GITHUB_TOKEN"]\n';
    expect(await ruleFindings(RULE, { 'a/inf.yml': inf, 'a/app.py': py })).toEqual(['a/app.py:3:5 error']);
  });
});

describe('config-secret-undeclared: messages', () => {
  it('points out a secret listed under environment_variables instead of secrets', async () => {
    const { auditConfigs } = await import('@secret-hygiene/config');
    const config = 'model_name: m\nenvironment_variables:\n  hf_access_token: null\ndocker_server:\n  start_command: sh -c "HF_TOKEN=$(cat /secrets/hf_access_token) vllm serve m"\n';
    const { findings } = await auditConfigs([{ path: 'config.yaml', text: config }]);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['config-secret-undeclared', 5]]);
    expect(findings[0]!.message).toContain('move it under `secrets:`');
  });
});

describe('config-secret-undeclared: one report per line', () => {
  it('reports a check and a read of the same undeclared secret on one line once', async () => {
    const files = { 'm/config.yaml': 'model_name: m\nsecrets:\n  a: null\n', 'm/model.py': 'v = self._secrets["b"] if "b" in self._secrets else self._secrets["a"]\n' };
    expect(await ruleFindings(RULE, files)).toEqual(['m/model.py:1:5 error']);
  });
});
