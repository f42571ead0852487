import { describe, expect, it } from 'vitest';
import { lines, ruleFindings } from './support.js';

const RULE = 'config-secret-description';

describe('config-secret-description', () => {
  it('flags inf.yml secrets without a description, or with an empty one', async () => {
    const inf = lines('secrets:', '  - key: A_KEY', '  - key: B_KEY', '    description: ""', '  - key: C_KEY', '    description: "   "', '  - key: D_KEY', '    description: What D is for');
    expect(await ruleFindings(RULE, { 'inf.yml': inf })).toEqual(['inf.yml:2:10 warning', 'inf.yml:4:18 warning', 'inf.yml:6:18 warning']);
  });

  it('does not ask integrations or Truss secrets for descriptions', async () => {
    expect(await ruleFindings(RULE, { 'inf.yml': lines('integrations:', '  - key: gcp.vertex_ai') })).toEqual([]);
    expect(await ruleFindings(RULE, { 'config.yaml': lines('model_name: m', 'secrets:', '  a: null') })).toEqual([]);
  });
});
