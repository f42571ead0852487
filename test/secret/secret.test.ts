import { inspect, format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret, SECRET_MASK } from '@secret-hygiene/secret';

const VALUE = 'hf_SuperSecretTokenValue1234567890';

describe('Secret', () => {
  const secret = new Secret(VALUE);

  it('gives its value only through getSecretValue()', () => {
    expect(secret.getSecretValue()).toBe(VALUE);
  });

  it.each<[string, (s: Secret) => string]>([
    ['toString', (s) => s.toString()],
    ['String()', (s) => String(s)],
    ['template literal', (s) => `key=${s}`],
    ['concatenation', (s) => 'key=' + s],
    ['JSON.stringify', (s) => JSON.stringify({ apiKey: s })],
    ['util.inspect', (s) => inspect(s)],
    ['util.inspect of a holder', (s) => inspect({ nested: { s } }, { depth: 5, showHidden: true })],
    ['util.format %s %o %j', (s) => format('%s %o %j %O', s, s, s, s)],
    ['Object.entries', (s) => JSON.stringify(Object.entries(s))],
    ['structuredClone', (s) => JSON.stringify(structuredClone({ s: s.toJSON() }))],
  ])('redacts in %s', (_name, show) => {
    const shown = show(secret);
    expect(shown).not.toContain(VALUE);
    expect(shown).not.toContain(VALUE.slice(0, 8));
  });

  it('shows the mask where it is printed', () => {
    expect(`${secret}`).toBe(SECRET_MASK);
    expect(JSON.stringify(secret)).toBe(`"${SECRET_MASK}"`);
    expect(inspect(secret)).toBe(`Secret(${SECRET_MASK})`);
    expect(Object.prototype.toString.call(secret)).toBe('[object Secret]');
  });

  it('does not let its value be changed or enumerated', () => {
    expect(Object.keys(secret)).toEqual([]);
    expect(Object.isFrozen(secret)).toBe(true);
  });

  it('wraps optional values', () => {
    expect(Secret.from(undefined)).toBeUndefined();
    expect(Secret.from(null)).toBeUndefined();
    expect(Secret.from('x')?.getSecretValue()).toBe('x');
    expect(new Secret('').isEmpty()).toBe(true);
  });

  it('rejects non-string values', () => {
    expect(() => new Secret(42 as unknown as string)).toThrow(TypeError);
  });

  it('never shows the value in console output', () => {
    const lines: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void lines.push(format(...args));
    try {
      console.log(secret);
      console.log({ secret });
      console.log('token %s', secret);
    } finally {
      console.log = original;
    }
    expect(lines.join('\n')).not.toContain(VALUE);
    expect(lines).toHaveLength(3);
  });
});
