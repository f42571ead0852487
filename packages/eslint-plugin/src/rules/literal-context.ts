import type { AST_NODE_TYPES as NodeType, TSESTree } from '@typescript-eslint/utils';

// The node types this file tests, as typed constants: a value import of AST_NODE_TYPES would load the whole of
// @typescript-eslint/utils, ESLint's own classes included (a second ESLint copy under an ESLint 9 run).
const AST_NODE_TYPES = {
  AccessorProperty: 'AccessorProperty' as NodeType.AccessorProperty,
  ArrayExpression: 'ArrayExpression' as NodeType.ArrayExpression,
  AssignmentExpression: 'AssignmentExpression' as NodeType.AssignmentExpression,
  AssignmentPattern: 'AssignmentPattern' as NodeType.AssignmentPattern,
  BinaryExpression: 'BinaryExpression' as NodeType.BinaryExpression,
  CallExpression: 'CallExpression' as NodeType.CallExpression,
  ConditionalExpression: 'ConditionalExpression' as NodeType.ConditionalExpression,
  Identifier: 'Identifier' as NodeType.Identifier,
  JSXAttribute: 'JSXAttribute' as NodeType.JSXAttribute,
  JSXIdentifier: 'JSXIdentifier' as NodeType.JSXIdentifier,
  Literal: 'Literal' as NodeType.Literal,
  LogicalExpression: 'LogicalExpression' as NodeType.LogicalExpression,
  MemberExpression: 'MemberExpression' as NodeType.MemberExpression,
  NewExpression: 'NewExpression' as NodeType.NewExpression,
  ObjectExpression: 'ObjectExpression' as NodeType.ObjectExpression,
  PrivateIdentifier: 'PrivateIdentifier' as NodeType.PrivateIdentifier,
  Property: 'Property' as NodeType.Property,
  PropertyDefinition: 'PropertyDefinition' as NodeType.PropertyDefinition,
  TSAsExpression: 'TSAsExpression' as NodeType.TSAsExpression,
  TSNonNullExpression: 'TSNonNullExpression' as NodeType.TSNonNullExpression,
  TSSatisfiesExpression: 'TSSatisfiesExpression' as NodeType.TSSatisfiesExpression,
  TSTypeAssertion: 'TSTypeAssertion' as NodeType.TSTypeAssertion,
  VariableDeclarator: 'VariableDeclarator' as NodeType.VariableDeclarator,
} as const;

/** Wrappers that leave a literal's meaning alone: `'x' as const`, `'x'!`, `process.env.KEY ?? 'x'`. */
function isTransparent(node: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return node.right === child;
    case AST_NODE_TYPES.ConditionalExpression:
      return node.test !== child;
    default:
      return false;
  }
}

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return stringValue(key);
}

/** `apiKey`, `this.apiKey`, `config['api_key']`: the name an assignment target gives its value. */
function targetName(target: TSESTree.Node): string | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return keyName(target.property, target.computed);
  return undefined;
}

const EQUALITY = new Set(['===', '==', '!==', '!=']);

/** APIs that take a signing or MAC key at a fixed position: `jwt.sign(payload, key)`, `createHmac(alg, key)`. */
const KEY_ARGUMENTS: Record<string, { index: number; name: string }> = {
  'jwt.sign': { index: 1, name: 'secretKey' },
  'jwt.verify': { index: 1, name: 'secretKey' },
  'jsonwebtoken.sign': { index: 1, name: 'secretKey' },
  'jsonwebtoken.verify': { index: 1, name: 'secretKey' },
  createHmac: { index: 1, name: 'signingKey' },
  'crypto.createHmac': { index: 1, name: 'signingKey' },
  // `new Sequelize(database, username, password, options)`.
  Sequelize: { index: 2, name: 'password' },
  // cookie-parser signs cookies with its first argument.
  cookieParser: { index: 0, name: 'cookieSecret' },
};

/** Session middleware whose options' `secret` signs the session cookie: express-session, cookie-session. */
const SESSION_CALLEES = new Set(['session', 'expressSession', 'cookieSession']);

/** Methods that take a password at a fixed position whatever their receiver: `superagent.get(url).auth(user, pass)`. */
const METHOD_KEY_ARGUMENTS: Record<string, { index: number; name: string }> = {
  auth: { index: 1, name: 'password' },
};

/** Middleware given a map of user names to passwords: `basicAuth({ users: { admin: '…' } })` (express-basic-auth). */
const USER_MAP_CALLEES = new Set(['basicAuth', 'expressBasicAuth']);

/** Encoders a basic-auth `user:password` pair goes through: `Buffer.from('user:pass').toString('base64')`. */
const PAIR_ENCODERS = new Set(['Buffer.from', 'btoa']);

/**
 * Identifiers without which no callee above can be written (`sign`, `createHmac`, `Buffer`, `btoa`): a file that
 * has none of them and no name of a secret gives no literal a name (see `contextualName`).
 */
export const NAMING_CALLEE_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(KEY_ARGUMENTS).map((callee) => callee.slice(callee.lastIndexOf('.') + 1)),
  ...[...PAIR_ENCODERS].map((callee) => callee.split('.')[0]!),
  ...Object.keys(METHOD_KEY_ARGUMENTS),
  ...USER_MAP_CALLEES,
  ...SESSION_CALLEES,
]);
const USER_PASSWORD = /^[^\s:]{1,64}:(\S{1,128})$/;

/** `jwt.sign`, `createHmac`: a callee as written, when it is a name or a member of one. */
function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const object = calleeName(callee.object);
    return object === undefined ? undefined : `${object}.${callee.property.name}`;
  }
  return undefined;
}

/** `auth` in `request.get(url).auth(…)`: the method a call names, whatever its receiver. */
function methodName(callee: TSESTree.Node): string | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
  return callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
}

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The key or password a call takes at `index`, and the API's name: `jwt.sign(payload, key)`, `req.auth(user, pass)`. */
function keyedArgument(call: Call, index: number): { name: string; api: string } | undefined {
  const callee = calleeName(call.callee);
  const keyed = callee === undefined ? undefined : KEY_ARGUMENTS[callee];
  if (callee !== undefined && keyed?.index === index) return { name: keyed.name, api: callee };
  const method = methodName(call.callee);
  const byMethod = method === undefined ? undefined : METHOD_KEY_ARGUMENTS[method];
  return byMethod?.index === index ? { name: byMethod.name, api: `.${method}()` } : undefined;
}

/** Where a literal stands once wrappers that leave it alone (`as const`, `?? 'x'`) are stepped over. */
function placeOf(literal: TSESTree.Node): { child: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let child: TSESTree.Node = literal;
  let parent = literal.parent;
  while (parent && isTransparent(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  return { child, parent };
}

/**
 * The key of the object a property sits in, when that object is itself a property value or a variable's value:
 * `auth` for `pass` in `{ auth: { user: 'bob', pass: '…' } }`. It can qualify an ambiguous name (`auth` + `pass`).
 */
export function enclosingKey(literal: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(literal);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  const object = parent.parent;
  const holder = object?.parent;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || !holder) return undefined;
  if (holder.type === AST_NODE_TYPES.Property && holder.value === object) return keyName(holder.key, holder.computed);
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === object) return targetName(holder.id);
  return undefined;
}

/** `users` in `basicAuth({ users: { admin: '…' } })`: whether `object` is that map, so its values are passwords. */
function isUserPasswordMap(object: TSESTree.Node | undefined): boolean {
  const holder = object?.parent;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== object) return false;
  if (keyName(holder.key, holder.computed) !== 'users') return false;
  const options = holder.parent;
  const call = options?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== options) return false;
  return USER_MAP_CALLEES.has(calleeName(call.callee) ?? '');
}

/**
 * The credential API a literal is handed to as its key or password, by the place it is written in: a key or
 * password argument (`jwt.sign(payload, '…')`, `createHmac('sha256', '…')`, `new Sequelize(db, user, '…')`,
 * `request.auth(user, '…')`, `cookieParser('…')`), a password of `basicAuth({ users })`, or the `secret` of
 * session middleware (`session({ secret: '…' })`). There any written value is a credential, however plain.
 */
export function credentialApi(literal: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(literal);
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return keyedArgument(parent, parent.arguments.indexOf(child as TSESTree.CallExpressionArgument))?.api;
  }
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  if (isUserPasswordMap(parent.parent)) return 'basicAuth';
  const options = parent.parent;
  const call = options?.parent;
  if (keyName(parent.key, parent.computed) !== 'secret') return undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== options) return undefined;
  const callee = calleeName(call.callee);
  return SESSION_CALLEES.has(callee ?? '') ? callee : undefined;
}

/**
 * The password of a `user:password` literal about to be encoded for basic auth (`Buffer.from('deploy:…')`,
 * `btoa('deploy:…')`): its offset in the value, or undefined for any other literal.
 */
export function basicAuthPassword(literal: TSESTree.Node, value: string): number | undefined {
  const parent = literal.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== literal) return undefined;
  if (!PAIR_ENCODERS.has(calleeName(parent.callee) ?? '') || !USER_PASSWORD.test(value)) return undefined;
  return value.indexOf(':') + 1;
}

/**
 * The name a literal is stored under, when the code gives it one: a variable, property, class field, parameter
 * default, JSX attribute, the other side of an equality test (`password === '...'`), the key passed just before
 * it (`headers.set('Authorization', '...')`) or paired with it (`['apiKey', '...']`). The token detector uses it
 * for secrets that have no telltale prefix.
 */
export function contextualName(literal: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(literal);
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child ? targetName(parent.id) : undefined;
    case AST_NODE_TYPES.Property:
      if (parent.value !== child) return undefined;
      return isUserPasswordMap(parent.parent) ? 'password' : keyName(parent.key, parent.computed);
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.value === child ? keyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child ? targetName(parent.left) : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child ? targetName(parent.left) : undefined;
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (!EQUALITY.has(parent.operator)) return undefined;
      const other = parent.left === child ? parent.right : parent.left;
      return targetName(other);
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      const keyed = keyedArgument(parent, index);
      if (keyed) return keyed.name;
      return index > 0 ? stringValue(parent.arguments[index - 1]) : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression:
      // A `[name, value]` entry: `new Headers([['Authorization', '…']])`, `new Map([['apiKey', '…']])`.
      return parent.elements.length === 2 && parent.elements[1] === child ? stringValue(parent.elements[0]) : undefined;
    default:
      return undefined;
  }
}
