import { describe, expect, it } from 'vitest';
import { rules } from './helpers.js';

describe('catalog extensions from options', () => {
  it('extraLoggers: a plain function', () => {
    const code = 'audit(`key ${process.env.OPENAI_API_KEY}`);';
    expect(rules(code)).toEqual([]);
    expect(rules(code, { extraLoggers: ['audit'] })).toEqual(['no-secret-in-log']);
  });

  it('extraLoggers: an object whose methods log', () => {
    const code = 'ctx.telemetry.record({ key: process.env.OPENAI_API_KEY });';
    expect(rules(code)).toEqual([]);
    expect(rules(code, { extraLoggers: ['ctx.telemetry'] })).toEqual(['no-secret-in-log']);
  });

  it('extraEntryPoints: return values become output', () => {
    const code = 'export function infer(input) { return { key: process.env.OPENAI_API_KEY }; }';
    expect(rules(code)).toEqual([]);
    expect(rules(code, { extraEntryPoints: ['infer'] })).toEqual(['no-secret-in-output']);
  });

  it('extraSanitizers: a project helper hides what it is given', () => {
    const code = 'const k = process.env.OPENAI_API_KEY;\nconsole.log(shorten(k));\nconsole.log(k);';
    expect(rules(code)).toEqual(['no-secret-in-log']);
    const lines = (opts: object) => rules(code, opts).length;
    expect(lines({ extraSanitizers: ['shorten'] })).toBe(1);
  });

  it('extraSanitizers: the sanitised call itself is silent', () => {
    const code = 'const k = process.env.OPENAI_API_KEY;\nconsole.log(shorten(k));';
    expect(rules(code, { extraSanitizers: ['shorten'] })).toEqual([]);
  });

  it('extraSecretEnv: a config-declared variable with an innocent name is a secret', () => {
    const code = 'console.log(process.env.WEBHOOK_URL);';
    expect(rules(code)).toEqual([]);
    expect(rules(code, { extraSecretEnv: ['WEBHOOK_URL'] })).toEqual(['no-secret-in-log']);
  });

  it('extraSecretEnv: the same name spelled as a variable', () => {
    const code = 'function f(webhookUrl) { console.log(webhookUrl); }';
    expect(rules(code)).toEqual([]);
    expect(rules(code, { extraSecretEnv: ['WEBHOOK_URL'] })).toEqual(['no-secret-in-log']);
  });

  it('extraSecretTypes: untyped code trusts getSecretValue() whatever the class', () => {
    const code = 'function f(s: Vaulted) { console.log(s.getSecretValue()); }';
    expect(rules(code, { extraSecretTypes: ['Vaulted'] })).toEqual(['no-secret-in-log']);
  });

  it('extraSecretTypes: a parameter of that type is a wrapper, safe to log', () => {
    const code = 'function f(apiKey: Vaulted) { console.log(apiKey); }';
    expect(rules(code)).toEqual(['no-secret-in-log']);
    expect(rules(code, { extraSecretTypes: ['Vaulted'] })).toEqual([]);
  });
});
