import { LineIndex, classifyLiteral, fingerprint, isWrittenCredential, redact, type Finding } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import { shippedJsCatalog } from './catalog.js';

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
  userMapCallees: Set<string>;
  /** Words without which no credential API of the catalog can be written: files without any are skipped whole. */
  words: RegExp;
}

let shipped: Tables | undefined;

function tables(): Tables {
  if (shipped) return shipped;
  const c = shippedJsCatalog().sinks.credentials;
  const lastNames = [...Object.keys(c.keyArguments), ...Object.keys(c.optionCallees)].map((k) => k.slice(k.lastIndexOf('.') + 1));
  const words = [...lastNames, ...c.jwtMethods, ...c.cipherMethods, ...c.macFunctions, ...Object.keys(c.methodKeyArguments), ...c.credentialKeys, ...c.authSecretKeys, ...c.userMapCallees, 'Authorization', 'authorization'];
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
    userMapCallees: new Set(c.userMapCallees),
    words: new RegExp([...new Set(words)].map((w) => w.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')),
  };
  return shipped;
}

/** A literal handed to a credential API as its key or password, with the API's name and the value's span. */
export interface CredentialLiteral {
  api: string;
  value: string;
  start: number;
  end: number;
}

/**
 * The literals of a file handed to a credential API as its key or password (the `sinks.credentials` catalog),
 * directly, through the one variable they initialise, or as the credential of an authorization header: the
 * whole-program counterpart of the ESLint rule's credential check. Values the token formats recognise are left to
 * the token scan, which reports them already; stand-ins, references and weak example values are no credential.
 */
export function credentialLiterals(ts: typeof TS, sourceFile: TS.SourceFile): CredentialLiteral[] {
  const t = tables();
  if (!t.words.test(sourceFile.text)) return [];
  const reader = new Reader(ts, sourceFile, t);
  return reader.run();
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
      message: `The key or password given to ${c.api} is written into the source. Read it from the environment or a secret store, and rotate the exposed value.`,
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

const AUTHORIZATION_SCHEME = /^(?:Basic|Bearer|Token|Digest)\s+(?=\S)/i;

class Reader {
  private readonly literals: Array<TS.StringLiteral | TS.NoSubstitutionTemplateLiteral> = [];
  /** Every identifier of the file by name, and the names declared more than once or written after their declaration. */
  private readonly uses = new Map<string, TS.Identifier[]>();
  private readonly unreliable = new Set<string>();
  private readonly declared = new Set<string>();
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
      const value = literal.text;
      const header = this.authorizationCredential(literal);
      if (header !== undefined) {
        this.add(out, 'the Authorization header', value.slice(header), literal.getStart(this.sf) + 1 + header);
        continue;
      }
      const api = this.apiOf(literal) ?? this.apiThroughVariable(literal);
      if (api !== undefined) this.add(out, api, value, literal.getStart(this.sf) + 1);
    }
    return out;
  }

  private add(out: CredentialLiteral[], api: string, value: string, start: number): void {
    if (!isWrittenCredential(value) || classifyLiteral(value)) return;
    out.push({ api, value, start, end: start + value.length });
  }

  private collect(node: TS.Node): void {
    // Every node of the file passes here: kinds are compared as numbers (each `ts.isX` is a getter call on the
    // typescript module first).
    const kind = node.kind;
    const k = this.kinds;
    if (kind === k.StringLiteral || kind === k.NoSubstitutionTemplateLiteral) this.literals.push(node as TS.StringLiteral);
    else if (kind === k.Identifier) this.noteIdentifier(node as TS.Identifier);
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
      if (this.declared.has(name)) this.unreliable.add(name);
      this.declared.add(name);
      return;
    }
    if (ts.isBinaryExpression(parent) && parent.left === id && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) this.unreliable.add(name);
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && parent.operand === id) this.unreliable.add(name);
    // Only a read where a credential API can take it matters (an argument, an option, an assigned value, or one of
    // those through `as`, `!`, parentheses or a fallback): the rest of a file's names are not kept.
    const at = this.placeOf(id).parent;
    if (!(ts.isCallExpression(at) || ts.isNewExpression(at) || ts.isPropertyAssignment(at) || ts.isBinaryExpression(at))) return;
    let list = this.uses.get(name);
    if (!list) this.uses.set(name, (list = []));
    list.push(id);
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

  /** `const secretKey = '…'; jwt.sign(payload, secretKey)`: the API the one variable a literal initialises reaches. */
  private apiThroughVariable(literal: TS.Node): string | undefined {
    const { child, parent } = this.placeOf(literal);
    if (!this.ts.isVariableDeclaration(parent) || parent.initializer !== child) return undefined;
    for (const use of this.usesOf(parent)) {
      const api = this.apiOf(use);
      if (api !== undefined) return api;
    }
    return undefined;
  }

  /** The reads of a variable declared once in the file and never assigned again. */
  private usesOf(declaration: TS.VariableDeclaration): TS.Node[] {
    if (!this.ts.isIdentifier(declaration.name)) return [];
    const name = declaration.name.text;
    return this.unreliable.has(name) ? [] : (this.uses.get(name) ?? []);
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

  /** `headers.set('Authorization', 'Basic …')`, `{ Authorization: 'Bearer …' }`: the offset of the credential. */
  private authorizationCredential(literal: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): number | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(literal);
    let name: string | undefined;
    if (ts.isPropertyAssignment(parent) && parent.initializer === child) name = propertyName(ts, parent.name);
    else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments) {
      const index = parent.arguments.indexOf(child as TS.Expression);
      const before = index > 0 ? parent.arguments[index - 1] : undefined;
      name = before && ts.isStringLiteral(before) ? before.text : undefined;
    }
    if (name === undefined || (name.toLowerCase() !== 'authorization' && name.toLowerCase() !== 'proxy-authorization')) return undefined;
    return AUTHORIZATION_SCHEME.exec(literal.text)?.[0].length;
  }
}

function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
