import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { analyzeFile, flowFindings, type FunctionSummary } from '@secret-hygiene/flow';
import { analyze } from './helpers.js';

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

describe('flow paths', () => {
  it('run from the source to the sink', () => {
    const code = [
      'const raw = process.env.OPENAI_API_KEY;',
      'const header = `Bearer ${raw}`;',
      'function show(value) {',
      '  console.log(value);',
      '}',
      'show(header);',
    ].join('\n');
    const [result] = analyze(code);
    expect(result?.ruleId).toBe('no-secret-in-log');
    const steps = result!.path.map((p) => [lineOf(code, p.start), p.note]);
    expect(steps[0]).toEqual([1, 'read from the environment variable OPENAI_API_KEY']);
    expect(steps.map((s) => s[0])).toEqual([1, 1, 2, 6, 3, 4]);
    expect(steps[steps.length - 1]).toEqual([4, 'logged here']);
    expect(lineOf(code, result!.start)).toBe(4);
    expect(result!.message).toBe('The secret from process.env.OPENAI_API_KEY is logged by console.log.');
  });

  it('offer the https fix on the URL literal', () => {
    const code = "fetch('http://api.example.com/v1');";
    const [result] = analyze(code);
    expect(result?.severity).toBe('warning');
    const fixed = code.slice(0, result!.fix!.start) + result!.fix!.text + code.slice(result!.fix!.end);
    expect(fixed).toBe("fetch('https://api.example.com/v1');");
  });

  it('raise require-https to an error when a secret rides on the request', () => {
    const code = "const key = process.env.OPENAI_API_KEY;\nfetch('http://api.example.com/v1?key=' + key);";
    const results = analyze(code);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ruleId: 'require-https', severity: 'error' });
    expect(results[0]!.path[0]!.note).toContain('OPENAI_API_KEY');
  });
});

describe('findings for the CLI never carry the secret', () => {
  const planted = 'sk-proj-Z9x8Y7w6V5u4T3s2R1q0P9o8N7m6L5k4';
  const code = [
    `const apiKey = "${planted}";`,
    `console.log("key: " + apiKey, "${planted}");`,
    `throw new Error(\`bad ${planted} \${apiKey}\`);`,
  ].join('\n');

  it('redacts messages, evidence and flow notes', () => {
    const findings = flowFindings('model.ts', code);
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['no-secret-in-error', 'no-secret-in-log']);
    const shown = JSON.stringify(findings);
    expect(shown).not.toContain(planted);
    expect(shown).not.toContain(planted.slice(0, 10));
    for (const f of findings) {
      expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(f.flow!.length).toBeGreaterThan(1);
      expect(f.line).toBe(f.ruleId === 'no-secret-in-log' ? 2 : 3);
    }
  });

  it('keeps fingerprints stable when code moves', () => {
    const moved = flowFindings('model.ts', `\n\n// comment\n${code}`);
    expect(moved.map((f) => f.fingerprint).sort()).toEqual(flowFindings('model.ts', code).map((f) => f.fingerprint).sort());
  });

  it('parses JavaScript, JSX and TSX by extension without failing', () => {
    expect(flowFindings('a.jsx', 'const el = <div>{console.log(process.env.OPENAI_API_KEY)}</div>;')).toHaveLength(1);
    expect(flowFindings('a.tsx', 'const el = <T,>(x: T) => console.log(process.env.OPENAI_API_KEY);')).toHaveLength(1);
    expect(flowFindings('a.cjs', 'module.exports = () => console.log(process.env.OPENAI_API_KEY);')).toHaveLength(1);
  });

  it('survives broken source', () => {
    expect(() => flowFindings('broken.ts', 'function (( { console.log(process.env.OPENAI_API_KEY')).not.toThrow();
  });
});

describe('function summaries', () => {
  const parse = (code: string) => ts.createSourceFile('lib.ts', code, ts.ScriptTarget.Latest, true);

  it('say which parameters reach which sinks and which flow to the return value', () => {
    const code = 'export function show(label, value) { console.log(label, value.secretPart); return label; }\nexport function token() { return process.env.HF_TOKEN; }';
    const sf = parse(code);
    const { summaries } = analyzeFile(ts, sf);
    const [show, token] = sf.statements.map((s) => summaries.get(s)!);
    expect(show!.paramSinks.map((s) => [s.param, s.access ?? [], s.ruleId])).toEqual([
      [0, [], 'no-secret-in-log'],
      [1, ['secretPart'], 'no-secret-in-log'],
    ]);
    expect(show!.paramReturns.map((r) => r.param)).toEqual([0]);
    expect(token!.returnSources.map((r) => r.label)).toEqual(['process.env.HF_TOKEN']);
  });

  it('accept summaries of functions defined elsewhere', () => {
    const code = "import { send } from './client';\nsend(process.env.OPENAI_API_KEY);\nsend('hello');";
    const sf = parse(code);
    const remote: FunctionSummary = {
      paramSinks: [{ param: 0, ruleId: 'no-secret-in-log', start: 10, end: 30, fileName: 'client.ts', sinkLabel: 'logger.info', path: [{ start: 5, end: 8, note: 'parameter `v` of send', fileName: 'client.ts' }] }],
      paramReturns: [],
      returnSources: [],
    };
    const { results } = analyzeFile(ts, sf, { resolveCallee: (call) => (call.getText(sf).startsWith('send(') ? remote : undefined) });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ ruleId: 'no-secret-in-log', fileName: 'client.ts', start: 10, end: 30 });
    expect(results[0]!.path.map((p) => p.fileName)).toEqual([undefined, undefined, 'client.ts']);
  });
});
