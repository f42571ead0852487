// A function that returns an object holding a secret in one member: callers see the secret at that member only,
// as they would had the object literal been written in place.
import { describe, expect, it } from 'vitest';
import { hits } from './helpers.js';

describe('secrets returned inside an object', () => {
  it('a sibling member of the returned object is not the secret', () => {
    const code = [
      'function processIO() {',
      '  return { cwd: process.cwd(), env: process.env, label: "io" };',
      '}',
      'const io = processIO();',
      'console.log("working in " + io.cwd);',
      'throw new Error(`no config in ${io.cwd} (${io.label})`);',
    ].join('\n');
    expect(hits(code)).toEqual([]);
  });

  it('the member that holds the secret still leaks, and so does the whole object', () => {
    const code = [
      'function settings() {',
      '  return { region: "us-east-1", auth: { token: process.env.API_TOKEN } };',
      '}',
      'const s = settings();',
      'console.log(s.auth.token);',
      'console.log(s);',
      'console.log(s.region);',
      'throw new Error("bad token " + settings().auth.token);',
    ].join('\n');
    expect(hits(code)).toEqual(['no-secret-in-error@8', 'no-secret-in-log@5', 'no-secret-in-log@6']);
  });

  it('destructuring the returned object keeps members apart', () => {
    const code = [
      'const load = () => ({ host: "api.example.com", apiKey: process.env.OPENAI_API_KEY });',
      'const { host, apiKey } = load();',
      'console.log(`calling ${host}`);',
      'console.log(`with ${apiKey}`);',
    ].join('\n');
    expect(hits(code)).toEqual(['no-secret-in-log@4']);
  });

  it('through a default parameter and a call that reads the sibling member', () => {
    const code = [
      'function processIO() { return { cwd: process.cwd(), env: process.env }; }',
      'function find(cwd) { throw new Error("no config in " + cwd); }',
      'function leak(env) { console.log(env.OPENAI_API_KEY); }',
      'function run(options, io) { find(io.cwd); leak(io.env); }',
      'export function main(argv, io = processIO()) { return run(argv, io); }',
    ].join('\n');
    expect(hits(code)).toEqual(['no-secret-in-log@3']);
  });

  it('a secret returned as the value itself is unchanged', () => {
    const code = ['function key() {', '  return process.env.HF_TOKEN;', '}', 'console.log(key());'].join('\n');
    expect(hits(code)).toEqual(['no-secret-in-log@4']);
  });
});
