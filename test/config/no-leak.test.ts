import { describe, expect, it } from 'vitest';
import { auditConfigs } from '@secret-hygiene/config';

// Planted values shaped like real credentials; none may appear in any output field.
const PLANTED = [
  'hf_QmXr7Tb2LpVw9sKd4NcZ8yFh3JgA6uEoPi',
  'sk-proj-Zr8Kq2Lm4Nx6Vb1Tc3Yd5Wf7Gh9Jk0PsQaRe',
  'r8_Tq3Wm9Lx2Vb7Nc4Zk1Yd6Gh8Jf5Ps0QaR',
  'ghp_3Kq9Lm2Nx7Vb4Tc1Yd6Wf8Gh5Jk0PsQaRe2Z',
  'my-Very-Secret-Passw0rd!',
];

describe('config findings never carry a secret', () => {
  it('redacts every planted value in messages, evidence and errors', async () => {
    const [a, b, c, d, e] = PLANTED as [string, string, string, string, string];
    const result = await auditConfigs([
      { path: 'm/config.yaml', text: `model_name: m\nsecrets:\n  hf_access_token: "${a}"\n  ${d}: null\nenvironment_variables:\n  HF_TOKEN: ${a}\n  DB_PASSWORD: "${e}"\n` },
      { path: 'm/model/model.py', text: `x = self._secrets["hf_access_token"]\n` },
      { path: 'a/inf.yml', text: `secrets:\n  - key: OPENAI_API_KEY\n    value: ${b}\n    secret: ${e}\nenv:\n  REPLICATE_API_TOKEN: ${c}\n` },
      { path: 'c/cog.yaml', text: `environment:\n  - HF_TOKEN=${a}\n  - OPENAI_API_KEY=${b}\n` },
      { path: 'x/inf.yml', text: `secrets: [\n  ${b}\n` },
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'config-secret-literal')).toHaveLength(8);
    const output = JSON.stringify(result);
    for (const secret of PLANTED) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(0, 12));
    }
  });
});
