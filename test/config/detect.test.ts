import { describe, expect, it } from 'vitest';
import { auditSummary, lines } from './support.js';

const literal = lines('secrets:', '  api_key: "value-here-123"');

describe('which files are platform configs', () => {
  it('treats config.yaml as Truss only when it has Truss settings', async () => {
    const { findings } = await auditSummary({
      'truss/config.yaml': lines('model_name: x', literal),
      'weak/config.yaml': lines('resources:', '  cpu: "1"', literal),
      'hydra/config.yaml': lines('defaults: []', literal),
      'alone/config.yaml': literal,
    });
    expect(findings.map((f) => f.split(':')[0])).toEqual(['truss/config.yaml', 'weak/config.yaml']);
  });

  it('recognises inf.yml/inf.yaml and cog.yaml/cog.yml by name, and ignores other YAML', async () => {
    const env = lines('environment:', '  - HF_TOKEN=abc-def');
    const { findings } = await auditSummary({
      'a/cog.yaml': env,
      'b/cog.yml': env,
      'c/inf.yaml': lines('env:', '  HF_TOKEN: abc-def'),
      'd/values.yaml': env,
      'e/docker-compose.yml': env,
    });
    expect(findings.map((f) => f.split(':')[0])).toEqual(['a/cog.yaml', 'b/cog.yml', 'c/inf.yaml']);
  });

  it('gives each code file to the nearest model folder', async () => {
    const { findings } = await auditSummary({
      'outer/config.yaml': lines('model_name: outer', 'secrets:', '  outer_secret: null'),
      'outer/model/model.py': 'a = self._secrets["outer_secret"]\n',
      'outer/inner/config.yaml': lines('model_name: inner', 'secrets:', '  inner_secret: null'),
      'outer/inner/model/model.py': 'b = self._secrets["inner_secret"]\n',
    });
    expect(findings).toEqual([]);
  });
});
