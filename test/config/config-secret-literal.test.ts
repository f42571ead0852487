import { describe, expect, it } from 'vitest';
import { lines, ruleFindings } from './support.js';

const RULE = 'config-secret-literal';
const truss = (...secrets: string[]) => ({ 'm/config.yaml': lines('model_name: m', 'secrets:', ...secrets) });

describe('config-secret-literal: Truss secrets', () => {
  it('flags string values, including placeholders and the quoted strings "null" and "None"', async () => {
    expect(await ruleFindings(RULE, truss('  a: "ENTER HF ACCESS TOKEN HERE"', '  b: "null"', "  c: 'None'", '  d: real-looking-value-93f1', '  e: 12345'))).toEqual([
      'm/config.yaml:3:6 error', 'm/config.yaml:4:6 error', 'm/config.yaml:5:6 error', 'm/config.yaml:6:6 error', 'm/config.yaml:7:6 error',
    ]);
  });

  it("reports an empty string as a warning", async () => {
    expect(await ruleFindings(RULE, truss("  a: ''"))).toEqual(['m/config.yaml:3:6 warning']);
  });

  it('accepts null in all its YAML spellings', async () => {
    expect(await ruleFindings(RULE, truss('  a: null', '  b: ~', '  c:', '  d: Null'))).toEqual([]);
  });

  it('accepts "***" only where a Truss Chain is in sight', async () => {
    expect(await ruleFindings(RULE, truss('  a: "***"'))).toEqual(['m/config.yaml:3:6 error']);
    const chain = { ...truss('  a: "***"'), 'm/chain.py': 'import truss_chains as chains\n' };
    expect(await ruleFindings(RULE, chain)).toEqual([]);
    const generated = { 'c/config.yaml': lines('model_name: chainlet', 'model_metadata:', '  chains_metadata: {}', 'secrets:', '  a: "***"') };
    expect(await ruleFindings(RULE, generated)).toEqual([]);
  });
});

describe('config-secret-literal: secret-named plain settings', () => {
  it('flags Truss environment_variables that hold a secret, not settings that merely mention one', async () => {
    const config = lines('model_name: m', 'environment_variables:', '  HF_TOKEN: abc-def-ghi', '  hf_access_token: v9', '  HF_HOME: /cache', '  MAX_TOKENS: "512"', '  HF_HUB_ENABLE_HF_TRANSFER: "1"', '  OPENAI_API_KEY: ""', '  WANDB_API_KEY: ${WANDB_API_KEY}', '  HF_TOKEN_PATH: /tmp/t', '  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}', '  NPM_TOKEN: "{{ npm_token }}"', '  API_KEY: /secrets/api_key');
    expect(await ruleFindings(RULE, { 'config.yaml': config })).toEqual(['config.yaml:3:13 error', 'config.yaml:4:20 error']);
  });

  it('flags inf.yml env entries and cog.yaml environment entries', async () => {
    expect(await ruleFindings(RULE, { 'a/inf.yml': lines('name: app', 'env:', '  API_KEY: k-123', '  LOG_LEVEL: debug') })).toEqual(['a/inf.yml:3:12 error']);
    expect(await ruleFindings(RULE, { 'c/cog.yaml': lines('environment:', '  - HF_TOKEN=abc', '  - HF_TOKEN=', '  - HF_HOME=/src', '  - "REPLICATE_API_TOKEN=x1"') })).toEqual([
      'c/cog.yaml:2:14 error', 'c/cog.yaml:5:26 error',
    ]);
  });

  it('flags value-like fields in inf.yml secrets', async () => {
    const inf = lines('secrets:', '  - key: API_KEY', '    description: d', '    value: abc', '    default: ""', '  - key: B_TOKEN', '    description: d', '    token: t-1');
    expect(await ruleFindings(RULE, { 'inf.yml': inf })).toEqual(['inf.yml:4:12 error', 'inf.yml:8:12 error']);
  });
});
