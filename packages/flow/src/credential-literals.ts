import { LineIndex, classifyLiteral, defaultNameClassifier, fingerprint, isWrittenCredential, isWrittenPassword, redact, type Finding, type NameClassifier } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import { shippedJsCatalog } from './catalog.js';
import { FileIndex, propertyName } from './credential-index.js';
import { checkedPassword, defaultedPassword, envDefault, passwordOption } from './credential-passwords.js';
import { credentialScreen, lastName, type CredentialScreen } from './credential-screen.js';

interface Tables {
  keyArguments: Map<string, { index: number; name: string }>;
  methodKeyArguments: Map<string, { indexes: number[]; name: string }>;
  jwtMethods: Set<string>;
  ciphers: Set<string>;
  cipherMethods: Set<string>;
  macFunctions: Set<string>;
  optionCallees: Map<string, string[]>;
  credentialKeys: Set<string>;
  authSecretKeys: Set<string>;
  nestingKeys: Set<string>;
  userKeys: Set<string>;
  /** Calls an options object is compared with or kept by, never logged in with (`expect(x).toEqual({ password })`). */
  notLoginCallees: Set<string>;
  names: NameClassifier;
  envObjects: Set<string>;
  userMapCallees: Set<string>;
  basicAuthEncoders: Set<string>;
  authorizationHeaders: Set<string>;
  /** `Bearer ` and the like in front of an authorization header's credential. */
  authorizationScheme: RegExp;
  /** Whether a file may write one of the APIs at all. */
  screen: CredentialScreen;
}

let shipped: Tables | undefined;

function tables(): Tables {
  if (shipped) return shipped;
  const catalog = shippedJsCatalog();
  const c = catalog.sinks.credentials;
  shipped = {
    keyArguments: new Map(Object.entries(c.keyArguments)),
    methodKeyArguments: new Map(Object.entries(c.methodKeyArguments)),
    jwtMethods: new Set(c.jwtMethods),
    ciphers: new Set(c.cipherReceivers),
    cipherMethods: new Set(c.cipherMethods),
    macFunctions: new Set(c.macFunctions),
    optionCallees: new Map(Object.entries(c.optionCallees)),
    credentialKeys: new Set(c.credentialKeys),
    authSecretKeys: new Set(c.authSecretKeys),
    nestingKeys: new Set(c.nestingKeys),
    userKeys: new Set(c.userKeys),
    notLoginCallees: new Set(c.notLoginCallees),
    names: defaultNameClassifier(),
    envObjects: new Set(catalog.sources.envObjects),
    userMapCallees: new Set(c.userMapCallees),
    basicAuthEncoders: new Set(c.basicAuthEncoders),
    authorizationHeaders: new Set(c.authorizationHeaders),
    authorizationScheme: new RegExp(`^(?:${c.authorizationSchemes.join('|')})\\s+(?=\\S)`, 'i'),
    screen: credentialScreen(c, catalog.sources.envObjects),
  };
  return shipped;
}

/** A literal handed to a credential API as its key or password, with the API's name and the value's span. */
export interface CredentialLiteral {
  /** The API the literal is handed to, or with `role` the password-named value it is checked against or defaults. */
  api: string;
  role?: 'expected' | 'default';
  value: string;
  /** The value's span in the file, or the whole literal's when escapes make the two differ. */
  start: number;
  end: number;
}

/**
 * Whether a credential API of the catalog may be written in the file, so that its literals are worth a walk: every
 * name the API needs is in TypeScript's table of the file's names (see `credentialScreen`).
 */
export function mayHoldCredentialLiteral(ts: typeof TS, sourceFile: TS.SourceFile): boolean {
  return tables().screen(ts, sourceFile);
}

/**
 * The literals of a file handed to a credential API as its key or password (the `sinks.credentials` catalog):
 * directly, through the one variable they initialise, as the credential of an authorization header, or as the
 * password of a `user:password` pair encoded for basic auth. Values the token formats recognise are left to the
 * token scan, which reports them already; stand-ins, references and weak example values are no credential. The
 * ESLint rule `no-hardcoded-secret` and `secret-audit` both report these.
 */
export function credentialLiterals(ts: typeof TS, sourceFile: TS.SourceFile, options: { screened?: boolean } = {}): CredentialLiteral[] {
  // `screened: false` reads every file, so tests can hold the screen to never skip one with a finding.
  if (options.screened !== false && !mayHoldCredentialLiteral(ts, sourceFile)) return [];
  return new Reader(ts, sourceFile, tables()).run();
}

/** The credential literals of a file as `no-hardcoded-secret` findings (`display` is the path to show). */
export function credentialLiteralFindings(ts: typeof TS, sourceFile: TS.SourceFile, display: string): Finding[] {
  const found = credentialLiterals(ts, sourceFile);
  if (found.length === 0) return [];
  const lines = new LineIndex(sourceFile.text);
  const occurrences = new Map<string, number>();
  return found.map((c) => {
    const start = lines.position(c.start);
    const end = lines.position(c.end);
    const occurrence = occurrences.get(c.value) ?? 0;
    occurrences.set(c.value, occurrence + 1);
    return {
      ruleId: 'no-hardcoded-secret',
      severity: 'error',
      message: `${credentialDescription(c)} is written into the source. Read it from the environment or a secret store, and rotate the exposed value.`,
      file: display,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      evidence: redact(c.value),
      fingerprint: fingerprint({ ruleId: 'no-hardcoded-secret', file: display, snippet: c.value, occurrence }),
    };
  });
}

/** How a finding names what the literal is: `The key or password given to jsonwebtoken.sign`. */
export function credentialDescription(c: Pick<CredentialLiteral, 'api' | 'role'>): string {
  return c.role === undefined ? `The key or password given to ${c.api}` : `The ${c.role} value of ${c.api}`;
}

/** `user:password`, as a basic-auth encoder takes it. */
const USER_PASSWORD = /^[^\s:]{1,64}:(\S{1,128})$/;
const PORT = /^\d{1,5}$/;

class Reader {
  private readonly ix: FileIndex;

  constructor(
    private readonly ts: typeof TS,
    private readonly sf: TS.SourceFile,
    private readonly t: Tables,
  ) {
    this.ix = new FileIndex(ts, sf, t.nestingKeys);
  }

  run(): CredentialLiteral[] {
        const out: CredentialLiteral[] = [];
    for (const literal of this.ix.literals) {
      const header = this.authorizationCredential(literal);
      if (header !== undefined) {
        this.add(out, 'the Authorization header', literal, header);
        continue;
      }
      const pair = this.basicAuthPassword(literal);
      if (pair !== undefined) {
        this.add(out, pair.api, literal, pair.offset);
        continue;
      }
      const api = this.apiOf(literal) ?? this.ix.throughVariable(literal, (use) => this.apiOf(use)) ?? this.ix.throughMember(literal, (use) => this.apiOf(use));
      if (api !== undefined) {
        this.add(out, api, literal, 0);
        continue;
      }
      // Any call's password option, or a check of a password: only a value that reads as a password, not a label.
      if (!isWrittenPassword(literal.text)) continue;
      const login = passwordOption(this.ix, this.t, literal) ?? this.ix.throughVariable(literal, (use) => passwordOption(this.ix, this.t, use)) ?? this.ix.throughMember(literal, (use) => passwordOption(this.ix, this.t, use));
      if (login !== undefined) {
        this.add(out, login, literal, 0);
        continue;
      }
      const checked = checkedPassword(this.ix, this.t, literal);
      if (checked !== undefined) this.add(out, checked, literal, 0, 'expected');
      const defaulted = defaultedPassword(this.ix, this.t, literal) ?? envDefault(this.ix, this.t, literal);
      if (defaulted !== undefined) this.add(out, defaulted, literal, 0, 'default');
    }
    return out;
  }

  /** Keeps the part of `literal` from `offset` on when it is a credential as written. */
  private add(out: CredentialLiteral[], api: string, literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral, offset: number, role?: CredentialLiteral['role']): void {
    const value = literal.text.slice(offset);
    if (!isWrittenCredential(value) || classifyLiteral(value)) return;
    const start = literal.getStart(this.sf);
    // Escapes make the value's offsets differ from the file's: then the whole literal is the span.
    const verbatim = this.sf.text.slice(start + 1, literal.end - 1) === literal.text;
    const span = verbatim ? { start: start + 1 + offset, end: start + 1 + offset + value.length } : { start, end: literal.end };
    out.push(role ? { api, role, value, ...span } : { api, value, ...span });
  }

  /** The credential API a value is handed to by the place it is written in (see the ESLint rule's `credentialApi`). */
  private apiOf(node: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.ix.placeOf(node);
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return this.keyedArgument(parent, parent.arguments?.indexOf(child as TS.Expression) ?? -1);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) {
      const key = ts.isPropertyAccessExpression(parent.left) ? parent.left.name.text : undefined;
      return key !== undefined && this.t.credentialKeys.has(key) ? key : undefined;
    }
    if (!ts.isPropertyAssignment(parent) || parent.initializer !== child) return undefined;
    const key = propertyName(ts, parent.name);
    if (key === undefined) return undefined;
    const object = parent.parent;
    if (this.isUserPasswordMap(object)) return 'basicAuth';
    return this.credentialOption(key, object);
  }

  private keyedArgument(call: TS.CallExpression | TS.NewExpression, index: number): string | undefined {
    if (index < 0) return undefined;
    for (const callee of this.ix.calleeNames(call.expression)) {
      if (this.t.keyArguments.get(callee)?.index === index) return callee;
      if (index !== 1) continue;
      const method = lastName(callee);
      const receiver = callee.length > method.length ? lastName(callee.slice(0, -method.length - 1)) : '';
      if ((this.t.jwtMethods.has(method) && /jwt|jsonwebtoken/i.test(receiver)) || (this.t.cipherMethods.has(method) && this.t.ciphers.has(receiver)) || this.t.macFunctions.has(method)) return callee;
    }
    const ts = this.ts;
    const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
    return method !== undefined && this.t.methodKeyArguments.get(method)?.indexes.includes(index) ? `.${method}()` : undefined;
  }

  /** The option of a call's options object (directly, under `auth`, or through the variable it is stored in) that holds a credential. */
  private credentialOption(key: string, object: TS.Node): string | undefined {
    const taken = this.ix.callsTaking(object);
    if (!taken) return undefined;
    const { calls, nestedIn } = taken;
    if (this.t.credentialKeys.has(key)) return calls[0] ? (this.ix.calleeNames(calls[0].expression)[0] ?? key) : key;
    for (const call of calls) {
      const callees = this.ix.calleeNames(call.expression);
      if (nestedIn === 'auth' && this.t.authSecretKeys.has(key)) return callees[0] ?? 'a client';
      if (nestedIn !== undefined) continue;
      const callee = callees.find((c) => this.t.optionCallees.get(lastName(c))?.includes(key));
      if (callee !== undefined) return callee;
    }
    return undefined;
  }

  private isUserPasswordMap(object: TS.Node): boolean {
    const ts = this.ts;
    const holder = object.parent;
    if (!ts.isPropertyAssignment(holder) || holder.initializer !== object || propertyName(ts, holder.name) !== 'users') return false;
    const call = holder.parent.parent;
    return ts.isCallExpression(call) && call.arguments[0] === holder.parent && this.ix.calleeNames(call.expression).some((c) => this.t.userMapCallees.has(c));
  }

  /**
   * The credential of an authorization header written whole, after its scheme: `headers.set('Authorization',
   * 'Basic …')`, `{ Authorization: 'Bearer …' }`, `[['Authorization', 'Bearer …']]`, `const authorization = 'Token
   * …'`, `<Client Authorization="Bearer …" />`. Its offset in the value, or undefined for any other literal.
   */
  private authorizationCredential(literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): number | undefined {
    const name = this.headerName(literal);
    if (name === undefined || !this.t.authorizationHeaders.has(name.toLowerCase())) return undefined;
    return this.t.authorizationScheme.exec(literal.text)?.[0].length;
  }

  /** The name a literal is written under, where a header's value can be. */
  private headerName(literal: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.ix.placeOf(literal);
    if (ts.isPropertyAssignment(parent)) return parent.initializer === child ? propertyName(ts, parent.name) : undefined;
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const index = parent.arguments?.indexOf(child as TS.Expression) ?? -1;
      const before = index > 0 ? parent.arguments![index - 1] : undefined;
      return before && ts.isStringLiteralLike(before) ? before.text : undefined;
    }
    if (ts.isArrayLiteralExpression(parent)) {
      const [key, value] = parent.elements;
      return parent.elements.length === 2 && value === child && key && ts.isStringLiteralLike(key) ? key.text : undefined;
    }
    if (ts.isVariableDeclaration(parent)) return parent.initializer === child && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) {
      const target = parent.left;
      if (ts.isIdentifier(target)) return target.text;
      if (ts.isPropertyAccessExpression(target)) return target.name.text;
      return ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
    }
    return ts.isJsxAttribute(parent) && parent.initializer === child && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
  }

  /** `Buffer.from('deploy:…')`, `btoa('deploy:…')`: the password of a pair encoded for basic auth, and its offset. */
  private basicAuthPassword(literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): { api: string; offset: number } | undefined {
    const parent = literal.parent;
    if (!this.ts.isCallExpression(parent) || parent.arguments[0] !== literal) return undefined;
    const callee = this.ix.calleeName(parent.expression, false);
    const password = callee !== undefined && this.t.basicAuthEncoders.has(callee) ? USER_PASSWORD.exec(literal.text)?.[1] : undefined;
    // `localhost:8080` is a host and a port.
    if (password === undefined || PORT.test(password)) return undefined;
    return { api: `${callee} (basic auth)`, offset: literal.text.indexOf(':') + 1 };
  }
}
