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
    if (!mayReport(sf, options)) expect(analyzeSourceFile(ts, sf, options)).toEqual([]);
  });

  it.each(fixtures)('never skips a fixture with results: %s', (file) => {
    const sf = sourceFile(readFileSync(join(FIXTURES, file), 'utf8'), file);
    if (!mayReport(sf)) expect(analyzeSourceFile(ts, sf)).toEqual([]);
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
});
