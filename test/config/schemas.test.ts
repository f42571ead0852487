import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { schemaPath } from '@secret-hygiene/config';

const compile = (name: 'truss-secrets' | 'inf-secrets') =>
  new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);

describe('editor schemas for the secrets sections', () => {
  it('truss-secrets accepts null references and Chains placeholders, rejects lists, literals and bad names', () => {
    const validate = compile('truss-secrets');
    expect(validate(parse('model_name: m\nsecrets:\n  hf_access_token: null\n  my.key-2: "***"\nresources: {cpu: "1"}\n'))).toBe(true);
    expect(validate(parse('model_name: m\n'))).toBe(true);
    expect(validate(parse('secrets:\n  - hf_access_token\n'))).toBe(false);
    expect(validate(parse('secrets:\n  hf_access_token: hf_value\n'))).toBe(false);
    expect(validate(parse('secrets:\n  "bad name": null\n'))).toBe(false);
    expect(validate(parse('secrets:\n  "..": null\n'))).toBe(false);
    expect(validate({ secrets: { ['a'.repeat(254)]: null } })).toBe(false);
  });

  it('inf-secrets accepts the documented shapes and rejects the common mistakes', () => {
    const validate = compile('inf-secrets');
    const good = 'name: app\nsecrets:\n  - key: API_KEY\n    description: Your API key\n    optional: false\nintegrations:\n  - key: gcp.vertex_ai\ncredentials:\n  - provider: aws\n    secrets: [AWS_SECRET_ACCESS_KEY]\n';
    expect(validate(parse(good))).toBe(true);
    expect(validate(parse('secrets:\n  API_KEY: d\n'))).toBe(false);
    expect(validate(parse('secrets:\n  - key: API_KEY\n'))).toBe(false); // description required by policy
    expect(validate(parse('secrets:\n  - key: API_KEY\n    description: d\n    value: x\n'))).toBe(false);
    expect(validate(parse('secrets:\n  - key: my-key\n    description: d\n'))).toBe(false);
    expect(validate(parse('secrets:\n  - key: A\n    description: d\n    optional: "yes"\n'))).toBe(false);
  });

  it('documents the yaml-language-server line on the config-schema page', () => {
    const page = readFileSync(new URL('../../rules/docs/config-schema.md', import.meta.url), 'utf8');
    expect(page).toContain('# yaml-language-server: $schema=');
    for (const name of ['truss-secrets', 'inf-secrets'] as const) {
      expect(JSON.parse(readFileSync(schemaPath(name), 'utf8'))).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#' });
    }
  });
});
