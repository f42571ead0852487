import { describe, expect, it } from 'vitest';
import { auditSummary, lines, ruleFindings } from './support.js';

const RULE = 'config-schema';

describe('config-schema: Truss', () => {
  it('flags a secrets list where a mapping belongs, and still learns its names for the cross-check', async () => {
    const files = {
      'm/config.yaml': lines('model_name: m', 'secrets:', '  - hf_access_token'),
      'm/model/model.py': 'x = self._secrets["hf_access_token"]\n',
    };
    expect((await auditSummary(files)).findings).toEqual(['m/config.yaml:3:3 config-schema error']);
  });

  it('flags a single value where the mapping belongs', async () => {
    expect(await ruleFindings(RULE, { 'config.yaml': lines('model_name: m', 'secrets: hf_access_token') })).toEqual(['config.yaml:2:10 error']);
  });

  it('flags invalid and duplicate names and collections as values', async () => {
    const config = lines('model_name: m', 'secrets:', '  "bad name": null', '  ok.name-1_x: null', '  ok.name-1_x: null', `  ${'a'.repeat(254)}: null`, '  "..": null', '  nested: {a: 1}', `  ${'b'.repeat(253)}: null`);
    expect(await ruleFindings(RULE, { 'config.yaml': config })).toEqual([
      'config.yaml:3:3 error', 'config.yaml:5:3 error', 'config.yaml:6:3 error', 'config.yaml:7:3 error', 'config.yaml:8:11 error',
    ]);
  });

  it('flags a repeated top-level secrets section (YAML keeps only the last)', async () => {
    const config = lines('model_name: m', 'secrets:', '  a: null', 'secrets:', '  b: null');
    expect(await ruleFindings(RULE, { 'config.yaml': config })).toEqual(['config.yaml:2:1 error']);
  });

  it('accepts a well-formed section and an empty one', async () => {
    expect(await ruleFindings(RULE, { 'a/config.yaml': lines('model_name: m', 'secrets:', '  hf_access_token: null', '  my.secret-2: null') })).toEqual([]);
    expect(await ruleFindings(RULE, { 'b/config.yaml': lines('model_name: m', 'secrets: {}') })).toEqual([]);
    expect(await ruleFindings(RULE, { 'c/config.yaml': lines('model_name: m', 'secrets:') })).toEqual([]);
  });
});

describe('config-schema: inf.yml', () => {
  it('flags a mapping where the list belongs and entries that are not mappings', async () => {
    expect(await ruleFindings(RULE, { 'inf.yml': lines('secrets:', '  API_KEY: the key') })).toEqual(['inf.yml:2:3 error']);
    expect(await ruleFindings(RULE, { 'inf.yml': lines('secrets:', '  - API_KEY') })).toEqual(['inf.yml:2:5 error']);
  });

  it('flags missing and invalid keys, non-boolean optional, unknown fields and duplicate keys', async () => {
    const inf = lines(
      'secrets:',
      '  - description: no key',
      '  - key: my-key',
      '    description: dashes are not env names',
      '  - key: A_KEY',
      '    description: d',
      '    optional: "yes"',
      '    scope: user',
      '  - key: A_KEY',
      '    description: again',
      'integrations:',
      '  - key: gcp.vertex_ai',
      '    scopes: [x]',
    );
    expect(await ruleFindings(RULE, { 'inf.yml': inf })).toEqual([
      'inf.yml:2:5 error', 'inf.yml:3:10 error', 'inf.yml:7:15 error', 'inf.yml:8:5 error', 'inf.yml:9:10 error', 'inf.yml:13:5 error',
    ]);
  });

  it('accepts the documented shapes, credentials included', async () => {
    const inf = lines(
      'secrets:',
      '  - key: API_KEY',
      '    description: Your API key for the external service',
      '    optional: false',
      'integrations:',
      '  - key: google.sheets',
      '    description: Read the sheet',
      '    optional: true',
      'credentials:',
      '  - provider: aws',
      '    secrets: [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY]',
    );
    expect(await ruleFindings(RULE, { 'inf.yml': inf })).toEqual([]);
  });
});
