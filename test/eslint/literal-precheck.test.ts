// no-hardcoded-secret listens to literals only in files that may give one a secret name (mayNameALiteral), and reads
// credential APIs only in files that may write one (mayHoldCredentialLiteral): neither screen may skip a file with
// something to report, or the rule would miss it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { defaultNameClassifier } from '@secret-hygiene/core';
import { credentialLiterals, loadTypescript, mayHoldCredentialLiteral } from '@secret-hygiene/flow';
import { mayNameALiteral } from '../../packages/eslint-plugin/src/rules/no-hardcoded-secret.js';
import { contextualName } from '../../packages/eslint-plugin/src/rules/literal-context.js';
import { loadCases } from './support/cases.js';

const names = defaultNameClassifier();
const ts = loadTypescript();
const FIXTURE_DIRS = ['../../fixtures/tokens/', '../../fixtures/flow/', '../../fixtures/eslint-project/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

interface Probe {
  checked: boolean;
  named: string[];
}

/** Lints `code` with a rule that records the check's verdict and every literal a secret name names. */
function probe(code: string, filename: string): Probe {
  const result: Probe = { checked: false, named: [] };
  const rule = {
    create(context: TSESLint.RuleContext<string, []>) {
      result.checked = mayNameALiteral(context.sourceCode, names);
      const note = (node: TSESTree.Node, value: string) => {
        const name = contextualName(node);
        if (name !== undefined && names.classify(name) !== 'no' && value.trim() !== '') result.named.push(value);
      };
      return {
        Literal(node: TSESTree.Literal) {
          if (typeof node.value === 'string') note(node, node.value);
        },
        TemplateLiteral(node: TSESTree.TemplateLiteral) {
          if (node.expressions.length === 0) note(node, node.quasis[0]!.value.cooked ?? node.quasis[0]!.value.raw);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        plugins: { probe: { rules: { literals: rule as never } } },
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        rules: { 'probe/literals': 'error' },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.ruleId !== 'probe/literals')).toEqual([]);
  return result;
}

const cases = (['valid', 'invalid'] as const).flatMap((kind) =>
  loadCases('no-hardcoded-secret')[kind].map((c, i): [string, string, string] => [`${kind} #${i + 1}: ${c.name ?? c.code.slice(0, 60)}`, c.code, c.filename ?? 'file.ts']),
);
const fixtures = FIXTURE_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => /\.[cm]?[jt]sx?$/.test(f)).map((f) => join(dir, f)));

describe('mayNameALiteral', () => {
  it.each(cases)('never skips a case with a named literal: %s', (_, code, filename) => {
    const { checked, named } = probe(code, filename);
    if (!checked) expect(named).toEqual([]);
  });

  it.each(fixtures)('never skips a fixture with a named literal: %s', (file) => {
    const { checked, named } = probe(readFileSync(file, 'utf8'), file);
    if (!checked) expect(named).toEqual([]);
  });

  it('the probe sees named literals (the checks above are not vacuous)', () => {
    expect(cases.filter(([, code, filename]) => probe(code, filename).named.length > 0).length).toBeGreaterThan(5);
  });

  it('skips files that name no secret, keeps those that may', () => {
    expect(probe("const greeting = 'hello world';\nexport const list = ['a', 'b'];", 'file.ts').checked).toBe(false);
    expect(probe("const apiKey = 'x';", 'file.ts').checked).toBe(true);
    expect(probe("headers.set('X-Api-Key', value);", 'file.ts').checked).toBe(true);
    expect(probe("const pairs = [['Authorization', value]];", 'file.ts').checked).toBe(true);
    expect(probe("const o = { ['client_secret']: value };", 'file.ts').checked).toBe(true);
    expect(probe("const o = { '\\u0061piKey': value };", 'file.ts').checked).toBe(true);
  });
});

/** The file as typescript-eslint's parser reads it: TypeScript's tree, with its table of identifiers. */
function parse(code: string, filename: string) {
  const kind = filename.endsWith('x') ? ts.ScriptKind.TSX : filename.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, true, kind);
}

describe('mayHoldCredentialLiteral', () => {
  const read = (code: string, filename: string) => credentialLiterals(ts, parse(code, filename), { screened: false });

  it.each(cases)('never skips a case with a credential literal: %s', (_, code, filename) => {
    const file = parse(code, filename);
    if (!mayHoldCredentialLiteral(ts, file)) expect(read(code, filename)).toEqual([]);
  });

  it.each(fixtures)('never skips a fixture with a credential literal: %s', (file) => {
    const code = readFileSync(file, 'utf8');
    if (!mayHoldCredentialLiteral(ts, parse(code, file))) expect(read(code, file)).toEqual([]);
  });

  it('the cases hold credential literals (the checks above are not vacuous)', () => {
    expect(cases.filter(([, code, filename]) => read(code, filename).length > 0).length).toBeGreaterThan(20);
  });

  it('skips files that write no credential API, keeps those that may', () => {
    const screen = (code: string) => mayHoldCredentialLiteral(ts, parse(code, 'file.ts'));
    expect(screen("const greeting = 'hello world';\nexport const list = ['a', 'b'];")).toBe(false);
    expect(screen("const header = 'Basic ' + btoa('deploy:hunter2hunter2');")).toBe(true);
    expect(screen("const sig = createHmac('sha256', 'abc').digest('hex');")).toBe(true);
    expect(screen("headers.set('Authorization', 'Basic ZGVwbG95Omh1bnRlcjI=');")).toBe(true);
    expect(screen("const o = { 'proxy-authorization': 'Bearer abc' };")).toBe(true);
    // A header built from a variable holds no written credential.
    expect(screen('headers.set(\'Authorization\', `Bearer ${token}`);')).toBe(false);
    // A callee without the option it takes, or a method without the module it belongs to, writes no credential API.
    expect(screen("const o = { name: 'abc' }; session.start(o);")).toBe(false);
    expect(screen("const o = { secret: 'abc' }; session(o);")).toBe(true);
    expect(screen("import { sign } from './signer'; sign(payload, 'abc');")).toBe(false);
    expect(screen("import jwt from 'jsonwebtoken'; jwt.sign(payload, 'abc');")).toBe(true);
    expect(screen("const signer = require('jsonwebtoken'); signer.sign(payload, 'abc');")).toBe(true);
    expect(screen("const cp = require('cookie-parser'); app.use(cp('abc'));")).toBe(true);
    expect(screen("const token = jwt_simple.encode(payload, 'abc');")).toBe(true);
    // A password-named option of any call, or a password checked against a literal.
    expect(screen("new Redis({ host: 'cache', dbPassword: 'abc' });")).toBe(true);
    expect(screen("if (password === 'abc') grant();")).toBe(true);
    expect(screen("mongoose.connect(url, { user: 'app', pass: 'abc' });")).toBe(true);
    // Names written only in types call nothing.
    expect(screen('export interface Options { auth?: string; password?: string } export type Credentials = { id: string };')).toBe(false);
    expect(screen("import { Credentials } from './types'; export const c = new Credentials('id', 'abc');")).toBe(true);
    // A login method must be called, and a basic-auth encoder given a written `user:password` pair.
    expect(screen("request.get(url).auth('admin', 'abc');")).toBe(true);
    expect(screen("export const options = { auth: provider }; export function use(auth: Auth) { return auth.token; }")).toBe(false);
    expect(screen("const header = Buffer.from('deploy:hunter2hunter2').toString('base64');")).toBe(true);
    expect(screen("export const decode = (s: string) => Buffer.from(s, 'base64').toString('utf8');")).toBe(false);
  });
});
