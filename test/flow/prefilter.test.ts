// mayReport lets the ESLint plugin skip files the engine cannot report in: it must never skip one that has results.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyzeSourceFile, mayReport, type FlowOptions } from '@secret-hygiene/flow';

const CASES = fileURLToPath(new URL('../eslint/cases/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/flow/', import.meta.url));

interface Case {
  name?: string;
  code: string;
  filename?: string;
  options?: FlowOptions;
  settings?: { 'secret-hygiene'?: FlowOptions };
  typed?: boolean;
}

function sourceFile(code: string, fileName: string): ts.SourceFile {
  const kind = /\.jsx?$/.test(fileName) ? ts.ScriptKind.JSX : /\.tsx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
}

function optionsOf(c: Case): FlowOptions {
  const merged: Record<string, string[]> = {};
  for (const source of [c.settings?.['secret-hygiene'], c.options]) {
    for (const [key, value] of Object.entries(source ?? {})) merged[key] = [...(merged[key] ?? []), ...(value as string[])];
  }
  return merged as FlowOptions;
}

const cases: Array<[string, Case]> = readdirSync(CASES)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const doc = parse(readFileSync(join(CASES, f), 'utf8')) as { valid?: Case[]; invalid?: Case[] };
    return [...(doc.invalid ?? []), ...(doc.valid ?? [])].filter((c) => !c.typed).map((c): [string, Case] => [`${f}: ${c.name ?? c.code}`, c]);
  });

const fixtures = readdirSync(FIXTURES).filter((f) => /\.[cm]?[jt]sx?$/.test(f));

describe('mayReport', () => {
  it.each(cases)('never skips a case with results: %s', (_, c) => {
    const sf = sourceFile(c.code, c.filename ?? 'file.ts');
    const options = optionsOf(c);
    if (!mayReport(sf, options) || !mayReport(sf, options, ts)) expect(analyzeSourceFile(ts, sf, options)).toEqual([]);
  });

  it.each(fixtures)('never skips a fixture with results: %s', (file) => {
    const sf = sourceFile(readFileSync(join(FIXTURES, file), 'utf8'), file);
    if (!mayReport(sf) || !mayReport(sf, {}, ts)) expect(analyzeSourceFile(ts, sf)).toEqual([]);
  });

  it('skips a good share of the valid cases (it is worth running)', () => {
    const skipped = cases.filter(([, c]) => !mayReport(sourceFile(c.code, c.filename ?? 'file.ts'), optionsOf(c)));
    expect(skipped.length).toBeGreaterThan(20);
  });

  const skip = (code: string, options: FlowOptions = {}) => !mayReport(sourceFile(code, 'file.ts'), options);
  it('skips code without sources or plain-HTTP URLs', () => {
    expect(skip("export function list(page: number) { console.log('page', page); return fetch(`https://api.example.com/items?page=${page}`); }")).toBe(true);
    expect(skip('for (const key in obj) console.log(key, obj[key]);\ndeclare const obj: Record<string, string>;')).toBe(true);
  });

  it('given TypeScript, leaves out names written only in types, interfaces and import/export clauses', () => {
    const typed = (code: string) => !mayReport(sourceFile(code, 'file.ts'), {}, ts);
    const typesOnly = [
      'export interface ClientOptions { apiKey?: string | null; baseURL?: string }',
      'export type Auth = { password: string }; export function f(a: Auth): void;',
      "import type { ApiKeySetter } from './auth'; export { type ApiKeySetter };",
      '/** Reads `apiKey` from the options. */ export const x = 1;',
      'export function f(o: { clientSecret: string }) { return Object.keys(o); }',
    ];
    for (const code of typesOnly) expect(typed(code), code).toBe(true);
    expect(skip(typesOnly[0]!)).toBe(false); // without TypeScript at hand, the name alone counts
    const values = [
      'export interface O { apiKey?: string } export function f(o: O) { console.log(o.apiKey); }',
      'class C { constructor(private apiKey: string) {} }',
      "export const options = { 'x-api-key': process.env.K };",
      'class A extends Credentials {} declare const Credentials: new () => object;',
      'export function \u0061piKey() {}',
      // An object whose type declares a secret member, in a file that logs: logging the object logs the member.
      'export function f(o: { clientSecret: string }) { console.log(o); }',
    ];
    for (const code of values) expect(typed(code), code).toBe(false);
  });

  it('keeps code that names, reads or hardcodes a secret, or requests plain HTTP', () => {
    expect(skip('console.log(process.env.X);')).toBe(false);
    expect(skip('export function f(apiKey: string) { return apiKey; }')).toBe(false);
    expect(skip("const o = { 'x-api-key': 1 };")).toBe(false);
    expect(skip('declare const token: unknown; console.log(token);')).toBe(false);
    expect(skip("declare const key: string; headers.set('Authorization', key);\ndeclare const headers: Headers;")).toBe(false);
    expect(skip("await fetch('http' + '://api.example.com');")).toBe(false);
    expect(skip("import { readFileSync } from 'node:fs'; console.log(readFileSync('/run/secrets/db', 'utf8'));")).toBe(false);
    expect(skip("console.log('ghp_RIBXuDL7DxtpYlSXpfKtHF4vUCsMehGAkWvj');")).toBe(false);
    expect(skip('console.log(value);\ndeclare const value: string;', { extraSecretEnv: ['value'] })).toBe(false);
  });

  it('keeps a plain-HTTP URL the engine can report, and skips local hosts, schemas and a scheme never joined', () => {
    const requests = [
      'declare const path: string; await fetch(`http://api.example.com/${path}`);',
      "await fetch('http://' + 'api.example.com/v1');",
      "const scheme = 'http'; await fetch(`${scheme}://api.example.com/v1`);",
      "const protocol = 'http:'; await fetch(protocol + '//api.example.com/v1');",
      "await fetch('HTTP://API.EXAMPLE.COM/v1');",
    ];
    for (const code of requests) {
      expect(skip(code), code).toBe(false);
      expect(analyzeSourceFile(ts, sourceFile(code, 'file.ts')).length, code).toBeGreaterThan(0);
    }
    const elsewhere = [
      "await fetch('http://localhost:8080/health');",
      'declare const port: number; await fetch(`http://127.0.0.1:${port}/health`);',
      "export const schema = { $schema: 'http://json-schema.org/draft-07/schema#' };",
      "import WebSocket from 'ws'; export const plain = (u: URL) => u.protocol === 'ws:' || u.protocol === 'http:';",
    ];
    for (const code of elsewhere) expect(skip(code), code).toBe(true);
  });

  it("keeps a request's headers or cookies read as a member, and skips the same names apart", () => {
    const reads = [
      'app.get("/", (req, res) => { console.log(req.headers); res.end(); });',
      'export function h(event: E) { logger.info(event?.headers); }',
      'export function h(ctx: C) { console.log(ctx.request\n  .cookies); }',
      'export function h(r: unknown) { console.log((r as any, (req as Request).headers)); }',
      "export function h() { console.log(req!['headers']); }",
    ];
    for (const code of reads) {
      expect(skip(code), code).toBe(false);
      expect(analyzeSourceFile(ts, sourceFile(code, 'file.ts')).length, code).toBeGreaterThan(0);
    }
    // A client's stream: it handles `event`s, reads `response.headers` and logs, but reads no request's credentials.
    expect(skip("export function on(event: string, response: Response) { logger.debug(event, response.headers.get('request-id')); }")).toBe(true);
  });
});
