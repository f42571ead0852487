// Passwords wherever they are written: any call's password option, a password checked against a literal, a
// password's default and the fallback of a secret environment variable.
import type { NameClassifier } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import { propertyName, type FileIndex } from './credential-index.js';

/** The catalog entries and the name classifier the password checks read. */
export interface PasswordTables {
  names: NameClassifier;
  userKeys: ReadonlySet<string>;
  notLoginCallees: ReadonlySet<string>;
  /** `process.env`, `import.meta.env`: the objects that hold the environment (`sources.envObjects`). */
  envObjects: ReadonlySet<string>;
}

/**
 * `new Redis({ password: '…' })`, `ssh.connect({ username, password: '…' })`, `knex({ connection: { password } })`:
 * the call a password-named option is handed to, whatever the call, unless it only compares or keeps the object.
 */
export function passwordOption(ix: FileIndex, t: PasswordTables, node: TS.Node): string | undefined {
  const ts = ix.ts;
  const { child, parent } = ix.placeOf(node);
  // `process.env.DB_PASSWORD = '…'`: the process and every child it starts log in with it.
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child) {
    const variable = environmentVariable(ix, t, parent.left);
    return variable !== undefined && t.names.namesAPassword(variable.name) ? `${variable.holder}.${variable.name}` : undefined;
  }
  if (!ts.isPropertyAssignment(parent) || parent.initializer !== child) return undefined;
  const key = propertyName(ts, parent.name);
  if (key === undefined || !isPasswordKey(ix, t, key, parent.parent)) return undefined;
  const call = ix.callsTaking(parent.parent)?.calls[0];
  if (!call) return undefined;
  // `expect(x).toEqual(…)`, `this.setState(…)`: the method decides, whatever its receiver.
  const method = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : ts.isIdentifier(call.expression) ? call.expression.text : undefined;
  if (method !== undefined && t.notLoginCallees.has(method)) return undefined;
  return ix.calleeNames(call.expression)[0] ?? (method === undefined ? 'a client' : `.${method}()`);
}

/** `if (password === '…')`, `user.password != '…'`: the password-named value a literal is checked against. */
export function checkedPassword(ix: FileIndex, t: PasswordTables, literal: TS.Node): string | undefined {
  const ts = ix.ts;
  const { child, parent } = ix.placeOf(literal);
  if (!ts.isBinaryExpression(parent)) return undefined;
  const op = parent.operatorToken.kind;
  const K = ts.SyntaxKind;
  if (op !== K.EqualsEqualsEqualsToken && op !== K.EqualsEqualsToken && op !== K.ExclamationEqualsEqualsToken && op !== K.ExclamationEqualsToken) return undefined;
  const other = parent.left === child ? parent.right : parent.left;
  const name = ts.isIdentifier(other) ? other.text : ts.isPropertyAccessExpression(other) ? other.name.text : undefined;
  return name !== undefined && t.names.namesAPassword(name) ? other.getText(ix.sf) : undefined;
}

/** `function connect(password = '…')`, `const { password = '…' } = options`: a password's written default. */
export function defaultedPassword(ix: FileIndex, t: PasswordTables, literal: TS.Node): string | undefined {
  const ts = ix.ts;
  const { child, parent } = ix.placeOf(literal);
  if (!(ts.isParameter(parent) || ts.isBindingElement(parent)) || parent.initializer !== child || !ts.isIdentifier(parent.name)) return undefined;
  return t.names.namesAPassword(parent.name.text) ? parent.name.text : undefined;
}

/** `process.env.JWT_SECRET || '…'`, `process.env['DB_PASSWORD'] ?? '…'`: a secret's fallback, the secret wherever it is unset. */
export function envDefault(ix: FileIndex, t: PasswordTables, literal: TS.Node): string | undefined {
  const ts = ix.ts;
  let child: TS.Node = literal;
  while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
  const parent = child.parent;
  if (!ts.isBinaryExpression(parent) || parent.right !== child) return undefined;
  const op = parent.operatorToken.kind;
  if (op !== ts.SyntaxKind.BarBarToken && op !== ts.SyntaxKind.QuestionQuestionToken) return undefined;
  let read: TS.Expression = parent.left;
  while (ts.isParenthesizedExpression(read) || ts.isNonNullExpression(read) || ts.isAsExpression(read)) read = read.expression;
  const name = environmentVariable(ix, t, read)?.name;
  return name !== undefined && t.names.classify(name) === 'secret' ? name : undefined;
}

/** `DB_PASSWORD` of `process.env.DB_PASSWORD`, `process.env['DB_PASSWORD']` or `import.meta.env.DB_PASSWORD`, and the object. */
function environmentVariable(ix: FileIndex, t: PasswordTables, node: TS.Expression): { holder: string; name: string } | undefined {
  const ts = ix.ts;
  const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : undefined;
  if (name === undefined) return undefined;
  const holder = (node as TS.PropertyAccessExpression | TS.ElementAccessExpression).expression.getText(ix.sf).replace(/\s+/g, '');
  return t.envObjects.has(holder) ? { holder, name } : undefined;
}

/** `password`, `dbPassword`; a bare `pass` beside a user name (`{ user, pass }`). */
function isPasswordKey(ix: FileIndex, t: PasswordTables, key: string, object: TS.Node): boolean {
  if (t.names.namesAPassword(key)) return true;
  const ts = ix.ts;
  if (key !== 'pass' || !ts.isObjectLiteralExpression(object)) return false;
  return object.properties.some((p) => p.name !== undefined && t.userKeys.has(propertyName(ts, p.name) ?? ''));
}
