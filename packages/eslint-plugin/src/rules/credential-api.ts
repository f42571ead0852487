// Where a literal is handed to a credential API as its key or password: there any written value is a credential.
import { shippedJsCatalog } from '@secret-hygiene/flow';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, type Call, type ModuleOf, calleeNames, keyName, lastName, methodName, placeOf } from './literal-syntax.js';

/** `javascript.sinks.credentials` of `rules/flows.yaml`, which the analyzer reads too. */
const catalog = shippedJsCatalog().sinks.credentials;

/** The key argument's position by callee: `jwt.sign(payload, key)`, `createHmac(alg, key)`, `new Sequelize(db, user, password)`. */
const KEY_ARGUMENTS = new Map(Object.entries(catalog.keyArguments));
/** Methods of a receiver named like a JWT library (`jwt_simple.decode`) that take the key second. */
const JWT_METHODS = new Set(catalog.jwtMethods);
/** crypto-js ciphers (`CryptoJS.AES.encrypt(message, key)`), by object or by module (`require('crypto-js/aes')`). */
const CIPHERS = new Set(catalog.cipherReceivers);
const CIPHER_METHODS = new Set(catalog.cipherMethods);
/** crypto-js MACs: `CryptoJS.HmacSHA256(message, key)`. */
const MAC_FUNCTIONS = new Set(catalog.macFunctions);
/** Options whose key holds a credential, by the last name of the callee they are passed to. */
const OPTION_CALLEES = new Map(Object.entries(catalog.optionCallees));
/** Option keys that hold a credential whatever they are passed to: AWS's secret key, passport-jwt's key. */
const CREDENTIAL_KEYS = new Set(catalog.credentialKeys);
/** Keys of an `auth` object that hold the secret part: `{ auth: { user, pass } }`, `{ auth: { bearer } }`. */
const AUTH_SECRET_KEYS = new Set(catalog.authSecretKeys);
/** Keys under which an options object nests its credentials: `{ credentials: { secretAccessKey } }`. */
const NESTING_KEYS = new Set(catalog.nestingKeys);
/** Methods that take a password at fixed positions whatever their receiver: `superagent.get(url).auth(user, pass)`. */
const METHOD_KEY_ARGUMENTS = new Map(Object.entries(catalog.methodKeyArguments));
/** Middleware given a map of user names to passwords: `basicAuth({ users: { admin: '…' } })` (express-basic-auth). */
const USER_MAP_CALLEES = new Set(catalog.userMapCallees);

/** Every key `credentialOption` may report. */
const OPTION_KEYS: ReadonlySet<string> = new Set([...CREDENTIAL_KEYS, ...AUTH_SECRET_KEYS, ...[...OPTION_CALLEES.values()].flat()]);
/** Methods that name a credential API once their receiver is read as the module it comes from (`jsonwt.sign`). */
const MODULE_METHODS = new Set([...JWT_METHODS, ...[...KEY_ARGUMENTS.keys()].filter((k) => k.includes('.')).map(lastName)]);

/** The last names of every callee `keyedArgument` knows. */
const KEYED_LAST_NAMES: ReadonlySet<string> = new Set([
  ...[...KEY_ARGUMENTS.keys()].map(lastName),
  ...JWT_METHODS,
  ...CIPHER_METHODS,
  ...MAC_FUNCTIONS,
  ...METHOD_KEY_ARGUMENTS.keys(),
  'require()',
]);

/**
 * Identifiers without which no callee above, nor a basic-auth encoder (`Buffer`, `btoa`), can be written: a file
 * that has none of them and no name of a secret gives no literal a name (see `contextualName`). Option keys need
 * no entry: `secret`, `password` and `apiKey` name secrets themselves.
 */
const NAMING_CALLEE_WORDS: ReadonlySet<string> = new Set([
  ...[...KEY_ARGUMENTS.keys()].map(lastName),
  'Buffer',
  'btoa',
  ...METHOD_KEY_ARGUMENTS.keys(),
  ...USER_MAP_CALLEES,
  ...CIPHER_METHODS,
  ...MAC_FUNCTIONS,
  ...CREDENTIAL_KEYS,
  ...AUTH_SECRET_KEYS,
]);

/** Whether an identifier of the file may write one of the callees above (`jwt_simple` for `jwt_simple.decode`). */
export function namesACredentialCallee(name: string): boolean {
  // Every identifier of every file comes here: `includes` costs less than a regex.
  return NAMING_CALLEE_WORDS.has(name) || name.includes('jwt') || name.includes('Jwt') || name.includes('JWT');
}

/** What the credential checks need of ESLint's scope analysis. */
export interface CredentialScope {
  /** The variables a declaration declares, with their uses. */
  declaredVariables(node: TSESTree.Node): ReadonlyArray<{
    references: ReadonlyArray<{ identifier: TSESTree.Node; init?: boolean | undefined; isWrite(): boolean }>;
  }>;
  moduleOf: ModuleOf;
}

/** `jwt_simple.decode(token, key)`, `CryptoJS.AES.encrypt(message, key)`, `CryptoJS.HmacSHA256(message, key)`. */
function keyedByShape(callee: string, index: number): string | undefined {
  if (index !== 1) return undefined;
  const method = lastName(callee);
  const receiver = callee.length > method.length ? lastName(callee.slice(0, -method.length - 1)) : '';
  if (JWT_METHODS.has(method) && /jwt|jsonwebtoken/i.test(receiver)) return 'secretKey';
  if (CIPHER_METHODS.has(method) && CIPHERS.has(receiver)) return 'encryptionKey';
  return MAC_FUNCTIONS.has(method) ? 'signingKey' : undefined;
}

/**
 * The key or password a call takes at `index`, and the API's name: `jwt.sign(payload, key)`, `req.auth(user,
 * pass)`. The callee is read as written and as spelled with the modules its names come from (`jsonwt.sign` of
 * `require('jsonwebtoken')`).
 */
export function keyedArgument(call: Call, index: number, scope?: CredentialScope): { name: string; api: string } | undefined {
  if (index < 0) return undefined;
  // Most calls with a literal argument are no credential API, which their last name shows without building
  // dotted names; only the few a module's name can make one ask the scope analysis (`jsonwt.sign`).
  const last = lastNameOf(call.callee);
  if (last === undefined || !KEYED_LAST_NAMES.has(last)) return undefined;
  const moduleOf = MODULE_METHODS.has(last) ? scope?.moduleOf : undefined;
  for (const callee of calleeNames(call.callee, moduleOf)) {
    const keyed = KEY_ARGUMENTS.get(callee);
    if (keyed?.index === index) return { name: keyed.name, api: callee };
    const byShape = keyedByShape(callee, index);
    if (byShape !== undefined) return { name: byShape, api: callee };
  }
  const method = methodName(call.callee);
  const byMethod = method === undefined ? undefined : METHOD_KEY_ARGUMENTS.get(method);
  return byMethod?.indexes.includes(index) ? { name: byMethod.name, api: `.${method}()` } : undefined;
}

/** `sign` of `jwt.sign`, `createHmac` of `createHmac`; `require()` for a module called in place. */
function lastNameOf(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return methodName(callee);
  return callee.type === AST_NODE_TYPES.CallExpression ? 'require()' : undefined;
}

/**
 * The calls an options object is given to, directly, under a nesting key (`{ auth: { … } }`) or through the one
 * variable it initialises (`const config = { secret }; app.use(session(config))`), with the key it nests under.
 */
function optionsCalls(object: TSESTree.Node | undefined, scope: CredentialScope | undefined): Array<{ callees: string[]; nestedIn?: string | undefined }> {
  let holder = object?.parent;
  let nestedIn: string | undefined;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === object) {
    nestedIn = keyName(holder.key, holder.computed);
    if (nestedIn === undefined || !NESTING_KEYS.has(nestedIn)) return [];
    object = holder.parent;
    holder = object?.parent;
  }
  const uses = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === object && scope ? usesOfVariable(holder, scope) : object ? [object] : [];
  const calls: Array<{ callees: string[]; nestedIn?: string | undefined }> = [];
  for (const use of uses) {
    const call = use.parent;
    if ((call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) || !call.arguments.includes(use as TSESTree.CallExpressionArgument)) continue;
    const callees = calleeNames(call.callee, scope?.moduleOf);
    const method = methodName(call.callee);
    calls.push({ callees: callees.length > 0 ? callees : [method ?? 'a client'], nestedIn });
  }
  return calls;
}

/**
 * The API an option is a credential of: `secretAccessKey`, `secretOrKey` or `clientSecret` of any object, `pass`
 * under the `auth` of a call's options, the `secret` of session middleware, the `password` of a database client.
 */
function credentialOption(property: TSESTree.Property, scope: CredentialScope | undefined): string | undefined {
  const key = keyName(property.key, property.computed);
  if (key === undefined || !OPTION_KEYS.has(key)) return undefined;
  const calls = optionsCalls(property.parent, scope);
  if (CREDENTIAL_KEYS.has(key)) return calls[0]?.callees[0] ?? key;
  for (const at of calls) {
    if (at.nestedIn === 'auth' && AUTH_SECRET_KEYS.has(key)) return at.callees[0];
    if (at.nestedIn !== undefined) continue;
    const callee = at.callees.find((c) => OPTION_CALLEES.get(lastName(c))?.includes(key));
    if (callee !== undefined) return callee;
  }
  return undefined;
}

/** `users` in `basicAuth({ users: { admin: '…' } })`: whether `object` is that map, so its values are passwords. */
export function isUserPasswordMap(object: TSESTree.Node | undefined, scope?: CredentialScope): boolean {
  const holder = object?.parent;
  if (holder?.type !== AST_NODE_TYPES.Property || holder.value !== object) return false;
  if (keyName(holder.key, holder.computed) !== 'users') return false;
  const options = holder.parent;
  const call = options?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== options) return false;
  return calleeNames(call.callee, scope?.moduleOf).some((c) => USER_MAP_CALLEES.has(c));
}

/**
 * The credential API a value is handed to as its key or password, by the place it is written in: a key or
 * password argument (`jwt.sign(payload, '…')`, `createHmac('sha256', '…')`, `new Sequelize(db, user, '…')`,
 * `request.auth(user, '…')`, `cookieParser('…')`), a password of `basicAuth({ users })`, a credential option
 * (`session({ secret })`, `new pg.Client({ password })`, `{ secretAccessKey }`, `{ auth: { pass } }`) or a
 * credential property assigned (`AWS.config.secretAccessKey = …`). There any written value is a credential,
 * however plain.
 */
export function credentialApi(value: TSESTree.Node, scope?: CredentialScope): string | undefined {
  const { child, parent } = placeOf(value);
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    return keyedArgument(parent, parent.arguments.indexOf(child as TSESTree.CallExpressionArgument), scope)?.api;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) {
    const target = parent.right === child && parent.left.type === AST_NODE_TYPES.MemberExpression ? parent.left : undefined;
    const key = target ? keyName(target.property, target.computed) : undefined;
    return key !== undefined && CREDENTIAL_KEYS.has(key) ? key : undefined;
  }
  if (parent.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  if (isUserPasswordMap(parent.parent, scope)) return 'basicAuth';
  return credentialOption(parent, scope);
}

/** The places a variable is read, when nothing but its declaration ever assigns it. */
function usesOfVariable(declarator: TSESTree.VariableDeclarator, scope: CredentialScope): TSESTree.Node[] {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier) return [];
  const [variable] = scope.declaredVariables(declarator);
  if (!variable || variable.references.some((r) => r.isWrite() && !r.init)) return [];
  return variable.references.filter((r) => !r.init).map((r) => r.identifier);
}

/**
 * `const secretKey = '…'; app.use(jwt({ secret: secretKey }))`: the credential API a literal reaches through the
 * one variable it initialises, when nothing else is ever assigned to that variable.
 */
export function credentialApiThroughVariable(literal: TSESTree.Node, scope: CredentialScope): string | undefined {
  const { child, parent } = placeOf(literal);
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== child) return undefined;
  for (const use of usesOfVariable(parent, scope)) {
    const api = credentialApi(use, scope);
    if (api !== undefined) return api;
  }
  return undefined;
}
