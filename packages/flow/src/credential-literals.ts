import { LineIndex, classifyLiteral, defaultNameClassifier, fingerprint, isWrittenCredential, isWrittenPassword, redact, type Finding, type NameClassifier } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import { shippedJsCatalog } from './catalog.js';
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
  const c = shippedJsCatalog().sinks.credentials;
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
    userMapCallees: new Set(c.userMapCallees),
    basicAuthEncoders: new Set(c.basicAuthEncoders),
    authorizationHeaders: new Set(c.authorizationHeaders),
    authorizationScheme: new RegExp(`^(?:${c.authorizationSchemes.join('|')})\\s+(?=\\S)`, 'i'),
    screen: credentialScreen(c),
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
  private readonly literals: Array<TS.StringLiteral | TS.NoSubstitutionTemplateLiteral> = [];
  /** The reads of names where a credential API can take them, the declarations of names and the writes to them. */
  private readonly uses = new Map<string, TS.Identifier[]>();
  private readonly declarations = new Map<string, Array<{ id: TS.Identifier; scope: TS.Node }>>();
  private readonly writes = new Map<string, TS.Identifier[]>();
  /**
   * Member reads where a credential API can take them (`jwt.sign(p, this.key)`, `config.auth.key`) and member
   * writes (`config.key = …`), by the last member's name.
   */
  private readonly memberUses = new Map<string, TS.PropertyAccessExpression[]>();
  private readonly memberWrites = new Map<string, TS.PropertyAccessExpression[]>();
  /** Local names of modules: `jwt` of `import jwt from 'jsonwebtoken'`, `JwtStrategy` of `require('passport-jwt').Strategy`. */
  private readonly modules = new Map<string, string>();

  constructor(
    private readonly ts: typeof TS,
    private readonly sf: TS.SourceFile,
    private readonly t: Tables,
  ) {
    const K = ts.SyntaxKind;
    this.kinds = {
      StringLiteral: K.StringLiteral,
      NoSubstitutionTemplateLiteral: K.NoSubstitutionTemplateLiteral,
      Identifier: K.Identifier,
      ImportDeclaration: K.ImportDeclaration,
      VariableDeclaration: K.VariableDeclaration,
      TypeReference: K.TypeReference,
      PropertyAccessExpression: K.PropertyAccessExpression,
      PropertyAssignment: K.PropertyAssignment,
    };
    this.forEachChild = ts.forEachChild;
  }

  run(): CredentialLiteral[] {
    this.collect(this.sf);
    const out: CredentialLiteral[] = [];
    for (const literal of this.literals) {
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
      const api = this.apiOf(literal) ?? this.throughVariable(literal, (use) => this.apiOf(use)) ?? this.throughMember(literal, (use) => this.apiOf(use));
      if (api !== undefined) {
        this.add(out, api, literal, 0);
        continue;
      }
      // Any call's password option, or a check of a password: only a value that reads as a password, not a label.
      if (!isWrittenPassword(literal.text)) continue;
      const login = this.passwordOption(literal) ?? this.throughVariable(literal, (use) => this.passwordOption(use)) ?? this.throughMember(literal, (use) => this.passwordOption(use));
      if (login !== undefined) {
        this.add(out, login, literal, 0);
        continue;
      }
      const checked = this.checkedPassword(literal);
      if (checked !== undefined) this.add(out, checked, literal, 0, 'expected');
      const defaulted = this.defaultedPassword(literal) ?? this.envDefault(literal);
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

  private collect(node: TS.Node): void {
    // Every node of the file passes here: kinds are compared as numbers (each `ts.isX` is a getter call on the
    // typescript module first).
    const kind = node.kind;
    const k = this.kinds;
    if (kind === k.StringLiteral || kind === k.NoSubstitutionTemplateLiteral) this.literals.push(node as TS.StringLiteral);
    else if (kind === k.Identifier) this.noteIdentifier(node as TS.Identifier);
    else if (kind === k.PropertyAccessExpression) this.noteMember(node as TS.PropertyAccessExpression);
    else if (kind === k.ImportDeclaration) this.noteImport(node as TS.ImportDeclaration);
    else if (kind === k.VariableDeclaration) {
      const declaration = node as TS.VariableDeclaration;
      if (declaration.name.kind === k.Identifier && declaration.initializer) this.noteRequire((declaration.name as TS.Identifier).text, declaration.initializer);
    }
    this.forEachChild(node, this.visit);
  }

  private readonly visit = (child: TS.Node): void => this.collect(child);
  private readonly forEachChild: typeof TS.forEachChild;
  private readonly kinds: Record<'StringLiteral' | 'NoSubstitutionTemplateLiteral' | 'Identifier' | 'ImportDeclaration' | 'VariableDeclaration' | 'TypeReference' | 'PropertyAccessExpression' | 'PropertyAssignment', number>;

  private noteIdentifier(id: TS.Identifier): void {
    const ts = this.ts;
    const parent = id.parent;
    // Most identifiers are member names (`x.name`) or types: never a variable read or written.
    const k = this.kinds;
    if (parent.kind === k.TypeReference || ((parent.kind === k.PropertyAccessExpression || parent.kind === k.PropertyAssignment) && (parent as TS.PropertyAccessExpression).name === id)) return;
    const name = id.text;
    if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === id) {
      push(this.declarations, name, { id, scope: scopeOfDeclaration(ts, parent) });
      return;
    }
    if (ts.isBinaryExpression(parent) && parent.left === id && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) push(this.writes, name, id);
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && parent.operand === id) push(this.writes, name, id);
    // Only a read where a credential API can take it matters (an argument, an option, an assigned value, or one of
    // those through `as`, `!`, parentheses or a fallback): the rest of a file's names are not kept.
    const at = this.placeOf(id).parent;
    if (!(ts.isCallExpression(at) || ts.isNewExpression(at) || ts.isPropertyAssignment(at) || ts.isBinaryExpression(at))) return;
    push(this.uses, name, id);
  }

  private noteMember(member: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    const parent = member.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === member) return; // only whole chains
    const name = member.name.text;
    if (ts.isBinaryExpression(parent) && parent.left === member && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      push(this.memberWrites, name, member);
      return;
    }
    const at = this.placeOf(member).parent;
    if (ts.isCallExpression(at) || ts.isNewExpression(at) || ts.isPropertyAssignment(at) || ts.isBinaryExpression(at)) push(this.memberUses, name, member);
  }

  private noteImport(node: TS.ImportDeclaration): void {
    const ts = this.ts;
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = moduleName(node.moduleSpecifier.text);
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name) this.modules.set(clause.name.text, module);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.modules.set(bindings.name.text, module);
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) this.modules.set(e.name.text, `${module}.${(e.propertyName ?? e.name).text}`);
  }

  /** `const jwt = require('jsonwebtoken')`, `const Strategy = require('passport-jwt').Strategy`. */
  private noteRequire(name: string, init: TS.Expression): void {
    const ts = this.ts;
    let x: TS.Expression = init;
    const members: string[] = [];
    while (ts.isPropertyAccessExpression(x)) {
      members.unshift(x.name.text);
      x = x.expression;
    }
    if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && ts.isStringLiteral(x.arguments[0])) {
      this.modules.set(name, [moduleName(x.arguments[0].text), ...members].join('.'));
    }
  }

  /** Where a literal stands once wrappers that leave it alone (`as const`, `?? 'x'`, parentheses) are stepped over. */
  private placeOf(node: TS.Node): { child: TS.Node; parent: TS.Node } {
    const ts = this.ts;
    let child = node;
    let parent = node.parent;
    for (;;) {
      const transparent =
        ts.isAsExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isTypeAssertionExpression(parent) ||
        ts.isParenthesizedExpression(parent) ||
        (ts.isBinaryExpression(parent) && parent.right === child && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) ||
        (ts.isConditionalExpression(parent) && parent.condition !== child);
      if (!transparent) return { child, parent };
      child = parent;
      parent = parent.parent;
    }
  }

  /** The credential API a value is handed to by the place it is written in (see the ESLint rule's `credentialApi`). */
  private apiOf(node: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(node);
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
    for (const callee of this.calleeNames(call.expression)) {
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
    const taken = this.callsTaking(object);
    if (!taken) return undefined;
    const { calls, nestedIn } = taken;
    if (this.t.credentialKeys.has(key)) return calls[0] ? (this.calleeNames(calls[0].expression)[0] ?? key) : key;
    for (const call of calls) {
      const callees = this.calleeNames(call.expression);
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
    return ts.isCallExpression(call) && call.arguments[0] === holder.parent && this.calleeNames(call.expression).some((c) => this.t.userMapCallees.has(c));
  }

  /**
   * The calls an options object is handed to as an argument, directly or through the variable it is stored in, and
   * the nesting key it sits under in an outer options object (`{ auth: { … } }`); undefined under any other key.
   */
  private callsTaking(object: TS.Node): { calls: Array<TS.CallExpression | TS.NewExpression>; nestedIn?: string } | undefined {
    const ts = this.ts;
    let nestedIn: string | undefined;
    let holder = object.parent;
    if (ts.isPropertyAssignment(holder) && holder.initializer === object) {
      nestedIn = propertyName(ts, holder.name);
      if (nestedIn === undefined || !this.t.nestingKeys.has(nestedIn)) return undefined;
      object = holder.parent;
      holder = object.parent;
    }
    const uses = ts.isVariableDeclaration(holder) && holder.initializer === object ? this.usesOf(holder) : [object];
    const calls = uses.flatMap((use) => {
      const call = use.parent;
      return (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.includes(use as TS.Expression) ? [call] : [];
    });
    return { calls, nestedIn };
  }

  /**
   * `new Redis({ password: '…' })`, `ssh.connect({ username, password: '…' })`, `knex({ connection: { password } })`:
   * the call a password-named option is handed to, whatever the call, unless it only compares or keeps the object.
   */
  private passwordOption(node: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(node);
    // `process.env.DB_PASSWORD = '…'`: the process and every child it starts log in with it.
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) {
      const name = this.environmentVariable(parent.left);
      return name !== undefined && this.t.names.namesAPassword(name) ? `process.env.${name}` : undefined;
    }
    if (!ts.isPropertyAssignment(parent) || parent.initializer !== child) return undefined;
    const key = propertyName(ts, parent.name);
    if (key === undefined || !this.isPasswordKey(key, parent.parent)) return undefined;
    const call = this.callsTaking(parent.parent)?.calls[0];
    if (!call) return undefined;
    // `expect(x).toEqual(…)`, `this.setState(…)`: the method decides, whatever its receiver.
    const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : undefined;
    if (method !== undefined && this.t.notLoginCallees.has(method)) return undefined;
    return this.calleeNames(call.expression)[0] ?? (method === undefined ? 'a client' : `.${method}()`);
  }

  /** `if (password === '…')`, `user.password != '…'`: the password-named value a literal is checked against. */
  private checkedPassword(literal: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(literal);
    if (!ts.isBinaryExpression(parent)) return undefined;
    const op = parent.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (op !== K.EqualsEqualsEqualsToken && op !== K.EqualsEqualsToken && op !== K.ExclamationEqualsEqualsToken && op !== K.ExclamationEqualsToken) return undefined;
    const other = parent.left === child ? parent.right : parent.left;
    const name = ts.isIdentifier(other) ? other.text : ts.isPropertyAccessExpression(other) ? other.name.text : undefined;
    return name !== undefined && this.t.names.namesAPassword(name) ? other.getText(this.sf) : undefined;
  }

  /** `function connect(password = '…')`, `const { password = '…' } = options`: a password's written default. */
  private defaultedPassword(literal: TS.Node): string | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(literal);
    if (!(ts.isParameter(parent) || ts.isBindingElement(parent)) || parent.initializer !== child || !ts.isIdentifier(parent.name)) return undefined;
    return this.t.names.namesAPassword(parent.name.text) ? parent.name.text : undefined;
  }

  /** `process.env.JWT_SECRET || '…'`, `process.env['DB_PASSWORD'] ?? '…'`: a secret's fallback, the secret wherever it is unset. */
  private envDefault(literal: TS.Node): string | undefined {
    const ts = this.ts;
    let child: TS.Node = literal;
    while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
    const parent = child.parent;
    if (!ts.isBinaryExpression(parent) || parent.right !== child) return undefined;
    const op = parent.operatorToken.kind;
    if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
    let read: TS.Expression = parent.left;
    while (ts.isParenthesizedExpression(read) || ts.isNonNullExpression(read) || ts.isAsExpression(read)) read = read.expression;
    const name = this.environmentVariable(read);
    return name !== undefined && this.t.names.classify(name) === 'secret' ? name : undefined;
  }

  /** `DB_PASSWORD` of `process.env.DB_PASSWORD` or `process.env['DB_PASSWORD']`. */
  private environmentVariable(node: TS.Expression): string | undefined {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(node)) return this.calleeName(node.expression, false) === 'process.env' ? node.name.text : undefined;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return this.calleeName(node.expression, false) === 'process.env' ? node.argumentExpression.text : undefined;
    return undefined;
  }

  /** `password`, `dbPassword`; a bare `pass` beside a user name (`{ user, pass }`). */
  private isPasswordKey(key: string, object: TS.Node): boolean {
    if (this.t.names.namesAPassword(key)) return true;
    const ts = this.ts;
    if (key !== 'pass' || !ts.isObjectLiteralExpression(object)) return false;
    return object.properties.some((p) => p.name !== undefined && this.t.userKeys.has(propertyName(ts, p.name) ?? ''));
  }

  /** `const secretKey = '…'; jwt.sign(payload, secretKey)`: what `find` says of a read of the one variable a literal initialises. */
  private throughVariable(literal: TS.Node, find: (use: TS.Node) => string | undefined): string | undefined {
    const { child, parent } = this.placeOf(literal);
    if (!this.ts.isVariableDeclaration(parent) || parent.initializer !== child) return undefined;
    for (const use of this.usesOf(parent)) {
      const api = find(use);
      if (api !== undefined) return api;
    }
    return undefined;
  }

  /**
   * `this.key = '…'` or a class field `key = '…'` read as `this.key` in the same class, or `const config = { auth:
   * { key: '…' } }` read as `config.auth.key`: what `find` says of such a read, when nothing else writes the member.
   */
  private throughMember(literal: TS.Node, find: (use: TS.Node) => string | undefined): string | undefined {
    const held = this.memberHolding(literal);
    if (!held) return undefined;
    const { path, reads } = held;
    const last = path.at(-1)!;
    const same = (member: TS.PropertyAccessExpression) => reads(member) && this.memberPath(member)?.join('.') === path.join('.');
    if ((this.memberWrites.get(last) ?? []).some((w) => w !== held.written && same(w))) return undefined;
    for (const use of this.memberUses.get(last) ?? []) {
      if (!same(use)) continue;
      const api = find(use);
      if (api !== undefined) return api;
    }
    return undefined;
  }

  /**
   * The member a literal is stored in, as the path it is read by (`this.key`, `config.auth.key`), and which reads
   * refer to the same holder: `this` in the same class, the same variable in its scope.
   */
  private memberHolding(literal: TS.Node): { path: string[]; reads: (member: TS.PropertyAccessExpression) => boolean; written?: TS.Node } | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(literal);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child && ts.isPropertyAccessExpression(parent.left)) {
      const path = this.memberPath(parent.left);
      const cls = enclosingClass(ts, parent);
      if (path?.[0] !== 'this' || path.length !== 2 || !cls) return undefined;
      return { path, reads: (m) => enclosingClass(ts, m) === cls, written: parent.left };
    }
    if (ts.isPropertyDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name) && ts.isClassLike(parent.parent)) {
      const cls = parent.parent;
      const isStatic = parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      if (isStatic) return cls.name ? { path: [cls.name.text, parent.name.text], reads: (m) => within(m, this.sf) } : undefined;
      return { path: ['this', parent.name.text], reads: (m) => enclosingClass(ts, m) === cls };
    }
    // `const config = { auth: { key: '…' } }`: the keys from the variable down to the literal.
    const keys: string[] = [];
    let node: TS.Node = child;
    let holder: TS.Node = parent;
    while (ts.isPropertyAssignment(holder) && holder.initializer === node) {
      const key = propertyName(ts, holder.name);
      if (key === undefined) return undefined;
      keys.unshift(key);
      node = holder.parent;
      ({ child: node, parent: holder } = this.placeOf(node));
    }
    if (keys.length === 0 || !ts.isVariableDeclaration(holder) || holder.initializer !== node || !ts.isIdentifier(holder.name)) return undefined;
    const visible = this.visibility(holder);
    return visible ? { path: [holder.name.text, ...keys], reads: visible } : undefined;
  }

  /** `this.a.b` as `['this', 'a', 'b']`, or undefined when a link is computed or called. */
  private memberPath(member: TS.Expression): string[] | undefined {
    const ts = this.ts;
    const names: string[] = [];
    let node: TS.Expression = member;
    while (ts.isPropertyAccessExpression(node)) {
      names.unshift(node.name.text);
      node = node.expression;
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) names.unshift('this');
    else if (ts.isIdentifier(node)) names.unshift(node.text);
    else return undefined;
    return names;
  }

  /**
   * The reads of a variable in its scope, when nothing but its declaration assigns it there: a declaration of the
   * same name in an inner scope (a parameter, a block's `const`) shadows it, one in the same scope makes it unknown.
   */
  private usesOf(declaration: TS.VariableDeclaration): TS.Node[] {
    const visible = this.visibility(declaration);
    return visible && this.ts.isIdentifier(declaration.name) ? (this.uses.get(declaration.name.text) ?? []).filter(visible) : [];
  }

  /**
   * Whether a node lies where a variable's name refers to it: its scope, less inner scopes that shadow it. Undefined
   * when the variable is unknown: declared twice in one scope, or assigned after its declaration.
   */
  private visibility(declaration: TS.VariableDeclaration): ((node: TS.Node) => boolean) | undefined {
    if (!this.ts.isIdentifier(declaration.name)) return undefined;
    const name = declaration.name.text;
    const all = this.declarations.get(name) ?? [];
    const own = all.find((d) => d.id === declaration.name);
    if (!own) return undefined;
    const others = all.filter((d) => d !== own);
    if (others.some((d) => d.scope === own.scope)) return undefined;
    const shadows = others.filter((d) => within(d.scope, own.scope)).map((d) => d.scope);
    const inScope = (node: TS.Node) => within(node, own.scope) && !shadows.some((s) => within(node, s));
    if ((this.writes.get(name) ?? []).some(inScope)) return undefined;
    return inScope;
  }

  /** A callee as written and as spelled with the module its first name comes from. */
  private calleeNames(callee: TS.Expression): string[] {
    const written = this.calleeName(callee, false);
    const resolved = this.calleeName(callee, true);
    const names: string[] = [];
    if (written !== undefined) names.push(written);
    if (resolved !== undefined && resolved !== written) names.push(resolved);
    return names;
  }

  private calleeName(callee: TS.Expression, resolve: boolean): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(callee)) return (resolve ? this.modules.get(callee.text) : undefined) ?? callee.text;
    if (ts.isPropertyAccessExpression(callee)) {
      const object = this.calleeName(callee.expression, resolve);
      return object === undefined ? undefined : `${object}.${callee.name.text}`;
    }
    if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.arguments[0] && ts.isStringLiteral(callee.arguments[0])) {
      return moduleName(callee.arguments[0].text);
    }
    return undefined;
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
    const { child, parent } = this.placeOf(literal);
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
    const callee = this.calleeName(parent.expression, false);
    const password = callee !== undefined && this.t.basicAuthEncoders.has(callee) ? USER_PASSWORD.exec(literal.text)?.[1] : undefined;
    // `localhost:8080` is a host and a port.
    if (password === undefined || PORT.test(password)) return undefined;
    return { api: `${callee} (basic auth)`, offset: literal.text.indexOf(':') + 1 };
  }
}

function push<T>(map: Map<string, T[]>, name: string, item: T): void {
  const list = map.get(name);
  if (list) list.push(item);
  else map.set(name, [item]);
}

/** The class a member of `this` belongs to: the nearest class around the node, through arrow functions only. */
function enclosingClass(ts: typeof TS, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isClassLike(up)) return up;
    if (ts.isFunctionDeclaration(up) || ts.isFunctionExpression(up)) return undefined;
  }
  return undefined;
}

function within(node: TS.Node, scope: TS.Node): boolean {
  return node.pos >= scope.pos && node.end <= scope.end;
}

/**
 * The node a declared name is visible in: a parameter's function; a `var`'s function (or the file); a `let`,
 * `const`, class or function declaration's block.
 */
function scopeOfDeclaration(ts: typeof TS, declaration: TS.Node): TS.Node {
  let node = declaration;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  if (ts.isParameter(node) || ts.isCatchClause(node.parent)) return node.parent;
  const blockScoped = ts.isVariableDeclaration(node) ? (node.parent.flags & ts.NodeFlags.BlockScoped) !== 0 : true;
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isFunctionLike(up) || ts.isSourceFile(up) || ts.isClassStaticBlockDeclaration(up) || ts.isModuleBlock(up)) return up;
    if (blockScoped && (ts.isBlock(up) || ts.isCaseBlock(up) || ts.isForStatement(up) || ts.isForInStatement(up) || ts.isForOfStatement(up))) return up;
  }
  return node.getSourceFile();
}

function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}

function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
