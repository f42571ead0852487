import { describe, expect, it } from 'vitest';
import { flowFindings } from '@secret-hygiene/flow';

describe('bad input', () => {
  it('folds very long concatenations in linear time', () => {
    const code = `const s = ${Array(30_000).fill("'a'").join(' + ')};\nconsole.log(s + process.env.OPENAI_API_KEY);`;
    const started = performance.now();
    expect(flowFindings('gen.ts', code).map((f) => f.line)).toEqual([2]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('bounds deep nesting instead of overflowing the stack', () => {
    const n = 500;
    const code = `const s = ${'['.repeat(n)}${']'.repeat(n)};\n${'function f() {'.repeat(n)}console.log(process.env.OPENAI_API_KEY);${'}'.repeat(n)}\nconst t = ${'f('.repeat(n)}x${')'.repeat(n)};\nconsole.log(process.env.OPENAI_API_KEY);`;
    expect(flowFindings('nested.ts', code).length).toBeGreaterThanOrEqual(1);
  });

  it('says clearly when the code nests too deeply to parse', () => {
    const code = `const s = ${'['.repeat(5000)}${']'.repeat(5000)};`;
    expect(() => flowFindings('huge.ts', code)).toThrow('nests too deeply');
  });

  it('analyses syntax errors as far as the parser recovers', () => {
    const code = 'const k = process.env.OPENAI_API_KEY;\nconsole.log(k);\nfunction (( {';
    expect(flowFindings('broken.ts', code).map((f) => f.ruleId)).toEqual(['no-secret-in-log']);
  });

  it('handles invalid surrogates and odd characters in strings and names', () => {
    const code = "const \\u0061piKey = process.env.OPENAI_API_KEY;\nconsole.log('\\uD800' + apiKey);\nconst ünïcode = '🔑';";
    expect(flowFindings('odd.ts', code).map((f) => f.ruleId)).toEqual(['no-secret-in-log']);
  });
});
