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
      'c/inf.yaml': lines('name: app', 'env:', '  HF_TOKEN: abc-def'),
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

describe('files named inf.yml that are not inference.sh apps', () => {
  it('skips Ansible playbooks and CloudFormation templates without errors', async () => {
    const { errors, findings } = await auditSummary({
      'ansible/inf.yml': lines('- hosts: ubuntu', '  user: ansible', '  roles:', '    - { role: dist-upgrade }'),
      'cfn/inf.yml': lines('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      VpcId: !Ref Vpc'),
      'broken/inf.yml': lines('Resources: [', '  - a'),
    });
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('reads secrets declared under requirements: as some inf.yml files do', async () => {
    const inf = lines('name: bot', 'requirements:', '  secrets:', '    - key: DISCORD_BOT_TOKEN', '      description: Bot token', '    - key: OTHER_TOKEN');
    const { findings } = await auditSummary({ 'a/inf.yml': inf, 'a/app.py': 'import os\nt = os.environ["DISCORD_BOT_TOKEN"]\no = os.environ.get("OTHER_TOKEN")\n' });
    expect(findings).toEqual(['a/inf.yml:6:12 config-secret-description warning']);
  });
});
