import { describe, expect, it } from 'vitest';
import { auditSummary, lines } from './support.js';

describe('bad input becomes an error entry or a finding, never a crash or a hang', () => {
  it('reports malformed YAML with its position and goes on with the other configs', async () => {
    const { errors, findings } = await auditSummary({
      'a/inf.yml': 'secrets: [\n  - key: A\n',
      'b/inf.yml': lines('secrets:', '  - key: B_KEY'),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^a\/inf\.yml: invalid YAML at \d+:\d+/);
    expect(findings).toEqual(['b/inf.yml:2:10 config-secret-description warning']);
  });

  it('stops an alias bomb early', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const { errors } = await auditSummary({ 'config.yaml': lines('model_name: bomb', ...bomb) });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors).toEqual([expect.stringMatching(/^config\.yaml: YAML uses too many aliases/)]);
  });

  it('refuses a 10 MB config quickly', async () => {
    const huge = `model_name: big\nsecrets:\n${'  # padding padding padding padding padding padding padding padding\n'.repeat(150_000)}`;
    expect(huge.length).toBeGreaterThan(10_000_000);
    const started = Date.now();
    const { errors, findings } = await auditSummary({ 'config.yaml': huge, 'cog.yaml': huge });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(findings).toEqual([]);
    expect(errors).toEqual([expect.stringMatching(/^config\.yaml: config file is \d+\.\d MB, over the 1 MB limit/), expect.stringMatching(/^cog\.yaml: config file is/)]);
  });

  it('reports a document that is not a mapping, and a file with several documents', async () => {
    const { errors } = await auditSummary({ 'a/cog.yaml': '- just\n- a list\n', 'b/cog.yaml': 'build: {}\n---\nbuild: {}\n' });
    expect(errors).toEqual([expect.stringMatching(/^a\/cog\.yaml: expected a mapping/), expect.stringMatching(/^b\/cog\.yaml: invalid YAML/)]);
  });

  it('reports duplicate secret names as findings, not errors', async () => {
    const { errors, findings } = await auditSummary({ 'config.yaml': lines('model_name: m', 'secrets:', '  a: null', '  a: null') });
    expect(errors).toEqual([]);
    expect(findings).toEqual(['config.yaml:4:3 config-schema error']);
  });

  it('leaves config.yaml files of other tools alone, even broken ones', async () => {
    const { errors, findings } = await auditSummary({
      'hydra/config.yaml': lines('defaults:', '  - model: bert', 'secrets:', '  - api_key'),
      'broken/config.yaml': 'foo: [\n',
    });
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('reports a broken Truss config.yaml', async () => {
    const { errors } = await auditSummary({ 'config.yaml': 'model_name: m\nsecrets:\n  a: [\n' });
    expect(errors).toEqual([expect.stringMatching(/^config\.yaml: invalid YAML/)]);
  });

  it('survives Python it cannot parse, binary-looking text and empty configs', async () => {
    const { errors, findings } = await auditSummary({
      'm/config.yaml': lines('model_name: m', 'secrets:', '  a: null'),
      'm/model/model.py': 'def broken(:\n    self._secrets["a"\n\u0000\u0001\ufffd',
      'e/inf.yml': '',
      'f/cog.yaml': '# only a comment\n',
    });
    expect(errors).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe('line endings and byte order marks', () => {
  it('reports the same positions for CRLF files and files with a BOM', async () => {
    const lf = 'model_name: m\nsecrets:\n  a: "literal-value"\n';
    const expected = ['config.yaml:3:6 config-secret-literal error'];
    expect((await auditSummary({ 'config.yaml': lf.replace(/\n/g, '\r\n') })).findings).toEqual(expected);
    expect((await auditSummary({ 'config.yaml': `\ufeff${lf}` })).findings).toEqual(expected);
  });
});
