import * as ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSourceFile } from '@secret-hygiene/flow';

const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, skipLibCheck: true, types: [] };
// lib.d.ts is parsed once and shared by every program of this file.
const libCache = new Map<string, ts.SourceFile | undefined>();

/** Builds a real program over in-memory files and runs the engine with its checker. */
function typedRules(files: Record<string, string>, entry = 'main.ts', extraSecretTypes: string[] = []): string[] {
  const host = ts.createCompilerHost(options, true);
  const original = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) => {
    if (name in files) return ts.createSourceFile(name, files[name]!, version, true);
    if (!libCache.has(name)) libCache.set(name, original(name, version, onError, create));
    return libCache.get(name);
  };
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  const sourceFile = program.getSourceFile(entry)!;
  return analyzeSourceFile(ts, sourceFile, { checker: program.getTypeChecker(), extraSecretTypes }).map((r) => r.ruleId);
}

beforeAll(() => {
  typedRules({ 'main.ts': 'export {};' });
});

const SECRET_DECL = 'declare class Secret { constructor(v: string); getSecretValue(): string; }\n';

describe('typed mode', () => {
  it('proves a Secret by its type', () => {
    expect(typedRules({ 'main.ts': `${SECRET_DECL}function f(s: Secret) { console.log(s.getSecretValue()); }` })).toEqual(['no-secret-in-log']);
  });

  it('does not trust getSecretValue() on a type that is not a Secret', () => {
    const code = 'declare class Vault { getSecretValue(): Promise<{ Name: string }>; }\nasync function f(v: Vault) { console.log(await v.getSecretValue()); }';
    expect(typedRules({ 'main.ts': code })).toEqual([]);
  });

  it('accepts an extra Secret type name only when configured', () => {
    const code = 'declare class Sensitive2 { getSecretValue(): string; }\nfunction f(s: Sensitive2) { console.log(s.getSecretValue()); }';
    expect(typedRules({ 'main.ts': code })).toEqual([]);
    expect(typedRules({ 'main.ts': code }, 'main.ts', ['Sensitive2'])).toEqual(['no-secret-in-log']);
  });

  it('finds an Error subclass by its heritage, whatever its name', () => {
    const code = 'class Base extends Error {}\nclass Oops extends Base {}\nconst k = process.env.OPENAI_API_KEY;\nthrow new Oops(`bad ${k}`);';
    expect(typedRules({ 'main.ts': `declare const process: { env: Record<string, string | undefined> };\n${code}` })).toEqual(['no-secret-in-error']);
  });

  it('does not treat a class named like an error but unrelated to Error as one', () => {
    const code = 'class ValidationError { constructor(readonly m: string) {} }\nconst k = process.env.OPENAI_API_KEY;\nconst v = new ValidationError(`bad ${k}`);';
    expect(typedRules({ 'main.ts': `declare const process: { env: Record<string, string | undefined> };\n${code}` })).toEqual([]);
  });

  it('ignores secret-looking names that hold booleans or numbers', () => {
    const code = 'declare const cfg: { apiKey: boolean; passwordLength: number; token: number };\nconsole.log(cfg.apiKey, cfg.token);';
    expect(typedRules({ 'main.ts': code })).toEqual([]);
  });

  it('treats a string-typed token as a credential', () => {
    const code = 'declare function load(): { token: string };\nconst { token } = load();\nconsole.log(token);';
    expect(typedRules({ 'main.ts': code })).toEqual(['no-secret-in-log']);
  });

  it('still reports untyped-looking flows in typed mode', () => {
    const code = 'declare const process: { env: Record<string, string | undefined> };\nconst key = process.env.HF_TOKEN;\nconsole.log(`key ${key}`);';
    expect(typedRules({ 'main.ts': code })).toEqual(['no-secret-in-log']);
  });
});
