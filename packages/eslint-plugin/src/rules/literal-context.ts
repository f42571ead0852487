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
const KEY_ARGUMENTS = new Map<string, { index: number; name: string }>(Object.entries({
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
  // basic-auth-connect: `basicAuth(user, password)`.
  basicAuth: { index: 1, name: 'password' },
  // `new AWS.Credentials(accessKeyId, secretAccessKey)`.
  Credentials: { index: 1, name: 'secretAccessKey' },
  'AWS.Credentials': { index: 1, name: 'secretAccessKey' },
}));

/** Methods of a JWT library (`jwt`, `jwt_simple`, `jsonwebtoken`) that take the key second. */
const JWT_METHODS = new Set(['sign', 'verify', 'encode', 'decode']);
/** crypto-js ciphers (`CryptoJS.AES.encrypt(message, key)`), by object or by module (`require('crypto-js/aes')`). */
const CIPHERS = /^(?:AES|DES|TripleDES|Rabbit|RabbitLegacy|RC4|RC4Drop|crypto-js\/(?:aes|tripledes|rabbit|rc4))$/;
const CIPHER_METHODS = new Set(['encrypt', 'decrypt']);
/** crypto-js MACs: `CryptoJS.HmacSHA256(message, key)`. */
const HMAC_FUNCTIONS = /^Hmac(?:SHA\d*|MD5|RIPEMD160)$/;

/** Options whose key holds a credential, by the last name of the callee they are passed to. */
const OPTION_CALLEES = new Map<string, readonly string[]>(Object.entries({
  // Session and JWT middleware sign with their `secret`: express-session, cookie-session, express-jwt, koa-jwt, NextAuth.
  session: ['secret'],
  expressSession: ['secret'],
  cookieSession: ['secret'],
  'express-session': ['secret'],
  'cookie-session': ['secret'],
  expressjwt: ['secret'],
  expressJwt: ['secret'],
  jwt: ['secret'],
  koaJwt: ['secret'],
  NextAuth: ['secret'],
  // Database and service clients: `new pg.Client({ password })`, `mysql.createConnection({ password })`, pkgcloud.
  Client: ['password'],
  Pool: ['password'],
  createConnection: ['password'],
  createPool: ['password'],
  createClient: ['password', 'key', 'apiKey', 'token', 'secret'],
}));

/** Option keys that hold a credential whatever they are passed to: AWS's secret key, passport-jwt's key. */
const CREDENTIAL_KEYS = new Set(['secretAccessKey', 'secretOrKey', 'storageAccessKey', 'clientSecret']);
/** Keys of an `auth` object that hold the secret part: `{ auth: { user, pass } }`, `{ auth: { bearer } }`. */
const AUTH_SECRET_KEYS = new Set(['pass', 'password', 'bearer']);
/** Keys under which an options object nests its credentials: `{ credentials: { secretAccessKey } }`. */
const NESTING_KEYS = new Set(['auth', 'credentials', 'connection']);

/** Methods that take a password at a fixed position whatever their receiver: `superagent.get(url).auth(user, pass)`. */
const METHOD_KEY_ARGUMENTS = new Map<string, { indexes: readonly number[]; name: string }>(Object.entries({
  // request's `.auth(user, pass, sendImmediately, bearer)`.
  auth: { indexes: [1, 3], name: 'password' },
  // ms-rest-azure.
  loginWithUsernamePassword: { indexes: [1], name: 'password' },
  loginWithServicePrincipalSecret: { indexes: [1], name: 'clientSecret' },
}));

/** Middleware given a map of user names to passwords: `basicAuth({ users: { admin: '…' } })` (express-basic-auth). */
const USER_MAP_CALLEES = new Set(['basicAuth', 'expressBasicAuth']);

/** Encoders a basic-auth `user:password` pair goes through: `Buffer.from('user:pass').toString('base64')`. */
const PAIR_ENCODERS = new Set(['Buffer.from', 'btoa']);

/**
 * Identifiers without which no callee above can be written (`sign`, `createHmac`, `Buffer`, `btoa`): a file that
 * has none of them and no name of a secret gives no literal a name (see `contextualName`). Option keys need no
 * entry: `secret`, `password` and `apiKey` name secrets themselves.
 */
const NAMING_CALLEE_WORDS: ReadonlySet<string> = new Set([
  ...[...KEY_ARGUMENTS.keys()].map((callee) => callee.slice(callee.lastIndexOf('.') + 1)),
  ...[...PAIR_ENCODERS].map((callee) => callee.split('.')[0]!),
  ...METHOD_KEY_ARGUMENTS.keys(),
  ...USER_MAP_CALLEES,
  ...CIPHER_METHODS,
  ...CREDENTIAL_KEYS,
  'bearer',
]);

/** Whether an identifier of the file may write one of the callees above (`jwt_simple` for `jwt_simple.decode`). */
export function namesACredentialCallee(name: string): boolean {
  return NAMING_CALLEE_WORDS.has(name) || CALLEE_WORDS.test(name);
}

const CALLEE_WORDS = /jwt|^Hmac(?:SHA|MD5|RIPEMD)/i;
const USER_PASSWORD = /^[^\s:]{1,64}:(\S{1,128})$/;

/**
 * `jwt.sign`, `createHmac`: a callee as written, when it is a name or a member of one. A module required in place
 * stands for its name: `require('crypto').createHmac` is `crypto.createHmac`, `require('cookie-session')(…)` is
 * `cookie-session`.
 */
function calleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    const object = calleeName(callee.object);
    return object === undefined ? undefined : `${object}.${callee.property.name}`;
  }
  if (callee.type === AST_NODE_TYPES.CallExpression && callee.callee.type === AST_NODE_TYPES.Identifier && callee.callee.name === 'require') {
    return stringValue(callee.arguments[0]);
  }
  return undefined;
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** `jwt_simple.decode(token, key)`, `CryptoJS.AES.encrypt(message, key)`, `CryptoJS.HmacSHA256(message, key)`. */
function keyedByShape(callee: string, index: number): string | undefined {
  if (index !== 1) return undefined;
  const method = lastName(callee);
  const receiver = callee.length > method.length ? lastName(callee.slice(0, -method.length - 1)) : '';
  if (JWT_METHODS.has(method) && /jwt|jsonwebtoken/i.test(receiver)) return 'secretKey';
  if (CIPHER_METHODS.has(method) && CIPHERS.test(receiver)) return 'encryptionKey';
  return HMAC_FUNCTIONS.test(method) ? 'signingKey' : undefined;
}

/** `auth` in `request.get(url).auth(…)`: the method a call names, whatever its receiver. */
function methodName(callee: TSESTree.Node): string | undefined {
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed) return undefined;
  return callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
}

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The key or password a call takes at `index`, and the API's name: `jwt.sign(payload, key)`, `req.auth(user, pass)`. */
function keyedArgument(call: Call, index: number): { name: string; api: string } | undefined {
  if (index < 0) return undefined;
  const callee = calleeName(call.callee);
  if (callee !== undefined) {
    const keyed = KEY_ARGUMENTS.get(callee);
    if (keyed?.index === index) return { name: keyed.name, api: callee };
    const byShape = keyedByShape(callee, index);
    if (byShape !== undefined) return { name: byShape, api: callee };
  }
  const method = methodName(call.callee);
  const byMethod = method === undefined ? undefined : METHOD_KEY_ARGUMENTS.get(method);
  return byMethod?.indexes.includes(index) ? { name: byMethod.name, api: `.${method}()` } : undefined;
}

/**
 * The call an options object is given to, directly or under a nesting key (`{ auth: { … } }`), and the key it
 * nests under: `request.get(url, { auth: { pass } })`.
 */
function optionsCall(object: TSESTree.Node | undefined): { callee: string; nestedIn?: string | undefined } | undefined {
  let holder = object?.parent;
  let nestedIn: string | undefined;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === object) {
    nestedIn = keyName(holder.key, holder.computed);
    if (nestedIn === undefined || !NESTING_KEYS.has(nestedIn)) return undefined;
    object = holder.parent;
    holder = object?.parent;
  }
  if (holder?.type !== AST_NODE_TYPES.CallExpression && holder?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  if (!holder.arguments.includes(object as TSESTree.CallExpressionArgument)) return undefined;
  return { callee: calleeName(holder.callee) ?? methodName(holder.callee) ?? 'a client', nestedIn };
}

/** The API an option is a credential of: `secretAccessKey` anywhere, `secret` of session middleware, `auth.pass`. */
function credentialOption(property: TSESTree.Property): string | undefined {
  const key = keyName(property.key, property.computed);
  if (key === undefined) return undefined;
  const at = optionsCall(property.parent);
  if (!at) return undefined;
  if (CREDENTIAL_KEYS.has(key) || (at.nestedIn === 'auth' && AUTH_SECRET_KEYS.has(key))) return at.callee;
  return at.nestedIn === undefined && OPTION_CALLEES.get(lastName(at.callee))?.includes(key) ? at.callee : undefined;
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
 * The credential API a value is handed to as its key or password, by the place it is written in: a key or
 * password argument (`jwt.sign(payload, '…')`, `createHmac('sha256', '…')`, `new Sequelize(db, user, '…')`,
 * `request.auth(user, '…')`, `cookieParser('…')`), a password of `basicAuth({ users })`, a credential option
 * (`session({ secret })`, `new pg.Client({ password })`, `{ secretAccessKey }`, `{ auth: { pass } }`) or a
 * credential property assigned (`AWS.config.secretAccessKey = …`). There any written value is a credential,
 * however plain.
 */
export function credentialApi(value: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(value);
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return keyedArgument(parent, parent.arguments.indexOf(child as TSESTree.CallExpressionArgument))?.api;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = parent.right === child && parent.left.type === AST_NODE_TYPES.MemberExpression ? parent.left : undefined;
    const key = target ? keyName(target.property, target.computed) : undefined;
    return key !== undefined && CREDENTIAL_KEYS.has(key) ? (calleeName(target!) ?? key) : undefined;
  }
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  if (isUserPasswordMap(parent.parent)) return 'basicAuth';
  return credentialOption(parent);
}

/** What `credentialApi` needs of ESLint's scope analysis: the variables a declaration declares and their uses. */
export type DeclaredVariables = (node: TSESTree.Node) => ReadonlyArray<{
  references: ReadonlyArray<{ identifier: TSESTree.Node; init?: boolean | undefined; isWrite(): boolean }>;
}>;

/**
 * `const secretKey = '…'; app.use(jwt({ secret: secretKey }))`: the credential API a literal reaches through the
 * one variable it initialises, when nothing else is ever assigned to that variable.
 */
export function credentialApiThroughVariable(literal: TSESTree.Node, declaredVariables: DeclaredVariables): string | undefined {
  const { child, parent } = placeOf(literal);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const [variable] = declaredVariables(parent);
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
  for (const reference of variable.references) {
    if (reference.init) continue;
    const api = credentialApi(reference.identifier);
    if (api !== undefined) return api;
  }
  return undefined;
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

const AUTHORIZATION_HEADERS = new Set(['authorization', 'proxy-authorization']);
const AUTHORIZATION_SCHEME = /^(?:Basic|Bearer|Token|Digest)\s+(?=\S)/i;

/**
 * The credential of an authorization header written whole (`headers.set('Authorization', 'Basic …')`,
 * `{ Authorization: 'Bearer …' }`): its offset after the scheme, or undefined for any other literal.
 */
export function authorizationCredential(name: string | undefined, value: string): number | undefined {
  if (name === undefined || !AUTHORIZATION_HEADERS.has(name.toLowerCase())) return undefined;
  return AUTHORIZATION_SCHEME.exec(value)?.[0].length;
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
