import type * as TS from 'typescript';
import { seedByName } from './bindings.js';
import { evaluateCall, evaluateNew } from './calls.js';
import { hardcodedDetector } from './hardcoded.js';
import { publicEnvPrefix } from './public-env.js';
import type { Engine } from './engine.js';
import { CLEAN, SAFE, deepTaints, elementOf, isTainted, join, taintOnly, textShape, textTaints, unionTaints, withStep, type Taint, type Value } from './value.js';
import { readField, walkClass, writeField } from './classes.js';
import { analyzeFunction, argumentsValue, entryPointOf, newFunction, yieldValue } from './functions.js';

/** Nesting deeper than this (generated code) is not followed: the stack must hold for any input. */
const MAX_DEPTH = 400;
const MAX_KNOWN_TEXT = 2048;

/** What an expression evaluates to, walking every sub-expression once (so nested sinks are seen once). */
export function evaluate(e: Engine, node: TS.Expression): Value {
  if (e.depth >= MAX_DEPTH) return CLEAN;
  e.depth++;
  const value = evaluateNode(e, node);
  e.depth--;
  return value;
}

function evaluateNode(e: Engine, node: TS.Expression): Value {
  const ts = e.ts;
  switch (node.kind) {
    case e.SK.Identifier:
      return identifier(e, node as TS.Identifier);
    case e.SK.StringLiteral:
    case e.SK.NoSubstitutionTemplateLiteral:
      return stringLiteral(e, node as TS.StringLiteral);
    case e.SK.NumericLiteral:
    case e.SK.BigIntLiteral:
    case e.SK.TrueKeyword:
    case e.SK.FalseKeyword:
    case e.SK.NullKeyword:
    case e.SK.RegularExpressionLiteral:
      return SAFE;
    case e.SK.ThisKeyword:
      return e.frame.thisClass ? { cls: e.frame.thisClass } : CLEAN;
    case e.SK.ParenthesizedExpression:
    case e.SK.AsExpression:
    case e.SK.NonNullExpression:
    case e.SK.SatisfiesExpression:
    case e.SK.TypeAssertionExpression:
    case e.SK.AwaitExpression:
      return evaluate(e, (node as TS.ParenthesizedExpression).expression);
    case e.SK.TemplateExpression:
      return template(e, node as TS.TemplateExpression);
    case e.SK.PropertyAccessExpression:
    case e.SK.ElementAccessExpression:
      return memberAccess(e, node as TS.PropertyAccessExpression | TS.ElementAccessExpression);
    case e.SK.CallExpression:
      return evaluateCall(e, node as TS.CallExpression);
    case e.SK.NewExpression:
      return evaluateNew(e, node as TS.NewExpression);
    case e.SK.BinaryExpression:
      return binary(e, node as TS.BinaryExpression);
    case e.SK.ConditionalExpression: {
      const c = node as TS.ConditionalExpression;
      evaluate(e, c.condition);
      e.conditional++;
      const value = join(evaluate(e, c.whenTrue), evaluate(e, c.whenFalse));
      e.conditional--;
      return value;
    }
    case e.SK.PrefixUnaryExpression: {
      const p = node as TS.PrefixUnaryExpression;
      evaluate(e, p.operand);
      return SAFE;
    }
    case e.SK.PostfixUnaryExpression:
      evaluate(e, (node as TS.PostfixUnaryExpression).operand);
      return SAFE;
    case e.SK.DeleteExpression:
      forget(e, (node as TS.DeleteExpression).expression);
      return SAFE;
    case e.SK.TypeOfExpression:
    case e.SK.VoidExpression:
      evaluate(e, (node as TS.TypeOfExpression).expression);
      return SAFE;
    case e.SK.ObjectLiteralExpression:
      return objectLiteral(e, node as TS.ObjectLiteralExpression);
    case e.SK.ArrayLiteralExpression: {
      let taints: Value['taints'];
      for (const el of (node as TS.ArrayLiteralExpression).elements) taints = unionTaints(taints, deepTaints(evaluate(e, el)));
      return taintOnly(taints);
    }
    case e.SK.SpreadElement:
      return evaluate(e, (node as TS.SpreadElement).expression);
    case e.SK.ArrowFunction:
    case e.SK.FunctionExpression: {
      const info = newFunction(e, node as TS.ArrowFunction, (node as TS.FunctionExpression).name?.text ?? 'anonymous function', false);
      e.frame.deferred.push(info);
      return { fn: info };
    }
    case e.SK.ClassExpression:
      return { cls: walkClass(e, node as TS.ClassExpression) };
    case e.SK.YieldExpression: {
      const y = node as TS.YieldExpression;
      if (y.expression) yieldValue(e, y, evaluate(e, y.expression));
      return CLEAN;
    }
    case e.SK.TaggedTemplateExpression:
      return taggedTemplate(e, node as TS.TaggedTemplateExpression);
    default:
      visitChildren(e, node);
      return CLEAN;
  }
}

/**
 * `tag\`key ${secret}\``: a call of the tag with the template's strings and values. A tag of this file applies its
 * summary and `String.raw` keeps the values; an unknown tag (`sql`, `html`) is like any unknown call.
 */
function taggedTemplate(e: Engine, t: TS.TaggedTemplateExpression): Value {
  const ts = e.ts;
  const tag = evaluate(e, t.tag);
  const values = ts.isTemplateExpression(t.template) ? t.template.templateSpans.map((span) => evaluate(e, span.expression)) : [];
  if (tag.fn) return e.callSummary(tag.fn, [CLEAN, ...values], t);
  const dotted = e.syntax.dotted(t.tag);
  if (dotted !== undefined && e.tables.propagatorFunctions.has(dotted)) {
    let taints: readonly Taint[] | undefined;
    for (const v of values) taints = unionTaints(taints, textTaints(v));
    return taintOnly(taints);
  }
  return CLEAN;
}

/** Expressions nested in other syntax (JSX children and attributes, decorators) still get evaluated once. */
function visitChildren(e: Engine, node: TS.Node): void {
  e.ts.forEachChild(node, (child) => {
    if (e.ts.isExpression(child)) evaluate(e, child);
    else if (!e.ts.isTypeNode(child)) visitChildren(e, child);
  });
}

/** `this.headers` (or `this['headers']`) in a class body: the field's name. */
function fieldOfThis(e: Engine, node: TS.Expression): string | undefined {
  const ts = e.ts;
  if (!ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node)) return undefined;
  return e.syntax.unwrap(node.expression).kind === e.SK.ThisKeyword ? e.syntax.memberName(node) : undefined;
}

function identifier(e: Engine, id: TS.Identifier): Value {
  if (id.text === 'undefined') return SAFE;
  const binding = e.scope.lookup(id.text);
  if (binding) return binding.value;
  if (id.text === 'arguments') return argumentsValue(e, id) ?? CLEAN;
  // `console` itself (`const { error } = console`, `const c = console`): its members log.
  if (e.tables.logGlobals.has(id.text)) return { kind: 'logger' };
  if (e.tables.logCallReceivers.has(id.text)) return { object: id.text };
  // A global or an undeclared name (plain scripts): only its name can tell.
  return seedByName(e, id.text, CLEAN, { nameNode: id });
}

const SCHEME_AT_START = /^[a-z][a-z0-9+.-]*:\/\//i;

function stringLiteral(e: Engine, lit: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): Value {
  const text = lit.text;
  const detector = hardcodedDetector(text);
  if (detector) {
    const label = `a hardcoded ${detector}`;
    return { str: text, strComplete: true, taints: [{ origin: { kind: 'source', label, byName: false }, path: [e.loc(lit, `${label} token`)] }] };
  }
  const value: Value = { str: text, strComplete: true, literal: true };
  if (SCHEME_AT_START.test(text)) value.schemeAt = lit.getStart(e.sf) + 1;
  return value;
}

function template(e: Engine, node: TS.TemplateExpression): Value {
  let taints: Value['taints'];
  let str = node.head.text;
  let complete = true;
  let schemeAt = SCHEME_AT_START.test(node.head.text) ? node.head.getStart(e.sf) + 1 : undefined;
  // A URL's host may follow unknown credentials (`http://${user}:${pw}@host/`): keep the whole text's shape.
  let shape = schemeAt !== undefined ? node.head.text : undefined;
  node.templateSpans.forEach((span, i) => {
    const v = evaluate(e, span.expression);
    taints = unionTaints(taints, textTaints(v));
    if (shape !== undefined && shape.length < MAX_KNOWN_TEXT) shape += textShape(v) + span.literal.text;
    if (!complete) return;
    if (i === 0 && node.head.text === '' && v.schemeAt !== undefined) schemeAt = v.schemeAt;
    if (v.str !== undefined && v.strComplete) str += v.str + span.literal.text;
    else {
      if (v.str !== undefined) str += v.str;
      complete = false;
    }
  });
  const out = taintOnly(taints);
  if (str === '' && !complete) return out;
  return { ...out, str, strComplete: complete, ...(schemeAt !== undefined ? { schemeAt } : {}), ...(!complete && shape !== undefined ? { shape } : {}) };
}

/** `o.p` / `o['p']`: the member's value, what the object's taint implies, and what the member's name says. */
function memberAccess(e: Engine, node: TS.PropertyAccessExpression | TS.ElementAccessExpression): Value {
  const ts = e.ts;
  let key = e.syntax.memberName(node);
  // Only `….env` can be an environment object; build the dotted name just for those.
  const dotted = key === 'env' || key === 'get' ? e.syntax.dotted(node) : undefined;
  if (dotted !== undefined && e.tables.envObjects.has(dotted)) return envObject(e, node, dotted);
  const object = evaluate(e, node.expression);
  if (key === undefined && ts.isElementAccessExpression(node)) {
    const k = evaluate(e, node.argumentExpression);
    if (k.str !== undefined && k.strComplete) key = k.str;
  }
  if (key === undefined) {
    // obj[i]: an element of a tainted array or map is tainted. Picking an unknown member of an object literal is
    // a guess: a name-only secret among its members does not make the pick a secret.
    if (object.kind === 'env') return CLEAN;
    const taints = deepTaints(object);
    if (!object.props || !taints) return taintOnly(taints);
    return taintOnly(taints.filter((t) => t.origin.kind !== 'source' || !t.origin.byName));
  }
  const value = e.member(object, key, ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression, object.kind === 'env' ? e.syntax.dotted(node) : undefined);
  return e.tables.requestCredentialMembers.has(key) && isRequest(e, node.expression) ? withRequestCredentials(e, node, key, value) : value;
}

/** `req`, `request`, `ctx.request`, `event`: an expression named like a request (`requestObjects`). */
function isRequest(e: Engine, expression: TS.Expression): boolean {
  const ts = e.ts;
  const inner = e.syntax.unwrap(expression);
  const name = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  return name !== undefined && e.tables.requestObjects.has(name);
}

/**
 * `req.headers`, `req.cookies`: they carry the caller's credentials (Authorization, Cookie). Whole, they are a
 * secret; a member is one when its name says so (`authorization`, not `content-type`), as for any object named like
 * a secret.
 */
function withRequestCredentials(e: Engine, node: TS.Expression, key: string, value: Value): Value {
  if (value.safe || value.fn || value.cls || value.kind !== undefined) return value;
  const label = e.syntax.dotted(node) ?? key;
  const taint: Taint = { origin: { kind: 'source', label, byName: true }, path: [e.loc(node, `\`${label}\` carries the request's credentials (Authorization, Cookie)`)] };
  return { ...value, taints: unionTaints(value.taints, [taint]) };
}

/** `process.env` as a whole is a secret (all environment variables); members depend on their names. */
function envObject(e: Engine, node: TS.Expression, dotted: string): Value {
  return { kind: 'env', taints: [{ origin: { kind: 'source', label: dotted, byName: false }, path: [e.loc(node, `the whole environment (${dotted})`)] }] };
}

const INDEX = /^\d+$/;

/** Where request libraries keep the request in their errors: axios `config`/`request`/`response.config`, got `options`, ky `request`. */
const REQUEST_MEMBERS = new Set(['config', 'request', 'response', 'options', 'req', 'headers', 'toJSON']);

/** The value of `object.key`; `nameNode` is the member name in the source (for name-based sources). */
export function memberOf(e: Engine, object: Value, key: string, nameNode: TS.Node, dotted?: string): Value {
  const t = e.tables;
  if (object.object !== undefined) {
    const path = `${object.object}.${key}`;
    if (t.logCallReceivers.has(path)) return { object: path };
  }
  if (object.kind === 'env') {
    const label = `${dotted?.slice(0, dotted.lastIndexOf('.')) ?? 'process.env'}.${key}`;
    const prefix = publicEnvPrefix(t, e.names, key);
    if (prefix !== undefined) {
      const read = nameNode.parent ?? nameNode;
      e.sink('no-secret-in-output', read, [{ origin: { kind: 'source', label, byName: false }, path: [e.loc(read, `read from the environment variable ${key}`)] }], `every browser gets it: the ${prefix} prefix inlines the variable into the client bundle`);
    }
    if (!e.names.isSecretEnv(key)) return CLEAN;
    return { taints: [{ origin: { kind: 'source', label, byName: false }, path: [e.loc(nameNode.parent ?? nameNode, `read from the environment variable ${key}`)] }] };
  }
  // A request error keeps the request under these members; its message, status and code say nothing of it.
  if (object.kind === 'requestError') return REQUEST_MEMBERS.has(key) ? object : CLEAN;
  // A part of a split secret (`creds.split(':')[1]`) is the secret itself, but for the name or scheme before it.
  if (object.splitSecret && INDEX.test(key)) return key === '0' && object.headIsName ? CLEAN : taintOnly(deepTaints(object));
  // `Object.entries(env)[i]`: an entry pair.
  if (object.entryPairs && INDEX.test(key)) return elementOf(object);
  if (t.sanitizerProperties.has(key)) return SAFE;
  if (object.cls && !object.props) {
    const field = readField(e, object.cls, key);
    const getter = object.cls.methods.get(key);
    let value = field ?? CLEAN;
    if (getter && e.ts.isGetAccessorDeclaration(getter.node)) value = join(value, e.callSummary(getter, [], nameNode));
    return seedMember(e, key, value, nameNode, field !== undefined);
  }
  const known = object.props?.get(key);
  if (known) return seedMember(e, key, known, nameNode, true);
  let value: Value = CLEAN;
  const taints = deepTaints(object);
  if (taints && taints.length > 0 && !object.props?.size) value = inheritMember(e, taints, key);
  if (object.kind === 'logger' || object.kind === 'loggerClass' || object.kind === 'logFunction' || object.kind === 'transport') {
    return { ...value, kind: object.kind };
  }
  return seedMember(e, key, value, nameNode, false);
}

/** A member of a tainted object: secret when the object holds real secrets or is a secrets mapping; an object
 * named like a secret (`credentials`) leaks only through members named like secrets (`credentials.password`).
 * A parameter's member stays a parameter access (`work.id`), resolved against each call's argument. */
export function inheritMember(e: Engine, taints: readonly Taint[], key: string): Value {
  let out: Taint[] | undefined;
  let nameOnly = false;
  for (const t of taints) {
    const o = t.origin;
    if (o.kind === 'param') {
      (out ??= []).push(memberOfParam(t, o, key));
    } else if ((o.kind === 'source' && o.byName && !isMapping(e, o.label)) || o.kind === 'candidate') nameOnly = true;
    else (out ??= []).push(t);
  }
  if (nameOnly && e.names.classify(key) !== 'no') {
    for (const t of taints) if ((t.origin.kind === 'source' && t.origin.byName) || t.origin.kind === 'candidate') (out ??= []).push(t);
  }
  return out ? { taints: out } : CLEAN;
}

type ParamOrigin = Extract<Taint['origin'], { kind: 'param' }>;

/** `p.key` of a parameter taint, shared between reads so hot code does not allocate per access. */
function memberOfParam(t: Taint, o: ParamOrigin, key: string): Taint {
  const access = o.access ?? [];
  if (access.length >= 3) return t;
  const members = (t.members ??= new Map());
  let member = members.get(key);
  if (!member) {
    member = { origin: { ...o, access: [...access, key] }, path: t.path };
    members.set(key, member);
  }
  return member;
}

function isMapping(e: Engine, label: string): boolean {
  return e.tables.secretMappings.has(label) || e.tables.secretMappings.has(label.slice(label.lastIndexOf('.') + 1));
}

function seedMember(e: Engine, key: string, value: Value, nameNode: TS.Node, known: boolean): Value {
  if (known && !isTainted(value) && (value.safe || value.fn)) return value;
  if (!known && e.names.isCredentialHeader(key) && e.names.classify(key) === 'no') {
    return { ...value, taints: unionTaints(value.taints, [{ origin: { kind: 'source', label: key, byName: true }, path: [e.loc(nameNode, `the ${key} credential`)] }]) };
  }
  return seedByName(e, key, value, { nameNode });
}

/**
 * `exports.handler = async (event) => …`, `module.exports.GET = function () { … }`: a CommonJS export names the
 * function it is given, so an entry point exported this way returns its output as `export const handler` does.
 */
function exportedFunction(e: Engine, node: TS.BinaryExpression): Value | undefined {
  const ts = e.ts;
  const fn = e.syntax.unwrap(node.right);
  if (!ts.isArrowFunction(fn) && !(ts.isFunctionExpression(fn) && !fn.name)) return undefined;
  const target = e.syntax.dotted(node.left);
  const name = target?.match(/^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/)?.[1];
  if (name === undefined) return undefined;
  const info = newFunction(e, fn, name, entryPointOf(e, fn, name, false, true));
  e.frame.deferred.push(info);
  return { fn: info };
}

function binary(e: Engine, node: TS.BinaryExpression): Value {
  const ts = e.ts;
  const op = node.operatorToken.kind;
  if (op === e.SK.EqualsToken) {
    const value = exportedFunction(e, node) ?? evaluate(e, node.right);
    e.assignTo(node.left, value);
    return value;
  }
  if (op === e.SK.PlusEqualsToken || op === e.SK.BarBarEqualsToken || op === e.SK.QuestionQuestionEqualsToken) {
    const value = join(evaluate(e, node.left), evaluate(e, node.right));
    e.assignTo(node.left, taintOnly(deepTaints(value)), true);
    return value;
  }
  if (op === e.SK.PlusToken && ts.isBinaryExpression(node.left) && node.left.operatorToken.kind === op) return concatenation(e, node);
  const left = evaluate(e, node.left);
  if (op === e.SK.AmpersandAmpersandToken) {
    e.conditional++;
    const right = evaluate(e, node.right);
    e.conditional--;
    return right;
  }
  if (op === e.SK.BarBarToken || op === e.SK.QuestionQuestionToken) {
    e.conditional++;
    const right = evaluate(e, node.right);
    e.conditional--;
    return join(left, right);
  }
  const right = evaluate(e, node.right);
  if (op === e.SK.PlusToken) {
    const taints = unionTaints(textTaints(left), textTaints(right));
    if (left.safe && right.safe) return SAFE;
    const out: Value = !taints && (left.literal || left.safe) && (right.literal || right.safe) ? { literal: true } : taintOnly(taints);
    if (left.str !== undefined) {
      const complete = left.strComplete && right.str !== undefined && right.strComplete;
      const shape = !complete && SCHEME_AT_START.test(left.str) ? textShape(left) + textShape(right) : undefined;
      return {
        ...out,
        str: left.strComplete ? left.str + (right.str ?? '') : left.str,
        strComplete: complete === true,
        ...(left.schemeAt !== undefined ? { schemeAt: left.schemeAt } : {}),
        ...(shape !== undefined ? { shape } : {}),
      };
    }
    return out;
  }
  if (op === e.SK.CommaToken) return right;
  // Comparisons, arithmetic, `in`, `instanceof`: a boolean or a number.
  return SAFE;
}

/** `delete copy.apiKey`: the member is gone from what the binding holds. */
function forget(e: Engine, target: TS.Expression): void {
  const ts = e.ts;
  const t = e.syntax.unwrap(target);
  if (!ts.isPropertyAccessExpression(t) && !ts.isElementAccessExpression(t)) return void evaluate(e, t);
  const key = e.syntax.memberName(t);
  const object = e.syntax.unwrap(t.expression);
  const binding = ts.isIdentifier(object) ? e.scope.lookup(object.text) : undefined;
  if (key === undefined || !binding?.value.props?.has(key) || e.conditional > 0) return;
  const props = new Map(binding.value.props);
  props.delete(key);
  binding.value = { ...binding.value, props };
}

/** `a + b + c + …` folded left to right without recursion (generated code joins thousands of strings). */
function concatenation(e: Engine, node: TS.BinaryExpression): Value {
  const ts = e.ts;
  const operands: TS.Expression[] = [];
  let left: TS.Expression = node;
  while (ts.isBinaryExpression(left) && left.operatorToken.kind === e.SK.PlusToken) {
    operands.push(left.right);
    left = left.left;
  }
  operands.push(left);
  operands.reverse();
  const first = evaluate(e, operands[0]!);
  let taints = textTaints(first);
  let literal = first.literal === true || first.safe === true;
  // Known text matters only for URLs and paths: a bounded prefix is enough.
  let str = first.str;
  let complete = first.strComplete === true;
  // A URL's host may follow unknown credentials (`'http://' + user + ':' + pw + '@host/'`): keep the whole text's shape.
  let shape = str !== undefined && SCHEME_AT_START.test(str) ? textShape(first) : undefined;
  for (let i = 1; i < operands.length; i++) {
    const right = evaluate(e, operands[i]!);
    taints = unionTaints(taints, textTaints(right));
    literal &&= right.literal === true || right.safe === true;
    if (shape !== undefined && shape.length < MAX_KNOWN_TEXT) shape += textShape(right);
    if (str !== undefined && complete) {
      if (right.str !== undefined && str.length < MAX_KNOWN_TEXT) str += right.str;
      complete = right.strComplete === true && str.length < MAX_KNOWN_TEXT;
    }
  }
  const value: Value = taintOnly(taints);
  return {
    ...value,
    ...(literal && !taints ? { literal: true } : {}),
    ...(str !== undefined ? { str, strComplete: complete } : {}),
    ...(str !== undefined && !complete && shape !== undefined ? { shape } : {}),
    ...(first.schemeAt !== undefined ? { schemeAt: first.schemeAt } : {}),
  };
}

function objectLiteral(e: Engine, node: TS.ObjectLiteralExpression): Value {
  const ts = e.ts;
  const props = new Map<string, Value>();
  let taints: Value['taints'];
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const v = evaluate(e, p.expression);
      if (v.props) for (const [k, pv] of v.props) props.set(k, pv);
      // `{ ...this }`, `{ ...client }`: an instance of a class of this file spreads its fields.
      if (v.cls && !v.cls.ownView) for (const [k, field] of v.cls.fields) props.set(k, field);
      taints = unionTaints(taints, v.kind === 'env' ? v.taints : v.props ? v.taints : deepTaints(v));
      continue;
    }
    const key = e.syntax.propertyName(p.name);
    if (p.name && ts.isComputedPropertyName(p.name)) evaluate(e, p.name.expression);
    let value: Value;
    if (ts.isPropertyAssignment(p)) {
      const init = e.syntax.unwrap(p.initializer);
      if (key !== undefined && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
        const info = newFunction(e, init, key, e.isEntryPointName(key, true));
        e.frame.deferred.push(info);
        value = { fn: info };
      } else {
        value = evaluate(e, p.initializer);
        if (key !== undefined) {
          if (isTainted(value) && e.names.isCredentialKey(key)) e.confirm(value);
          value = seedByName(e, key, value, { nameNode: p.name, init: p.initializer });
        }
      }
    } else if (ts.isShorthandPropertyAssignment(p)) {
      value = evaluate(e, p.name);
      if (isTainted(value) && e.names.isCredentialKey(p.name.text)) e.confirm(value);
    } else if ((ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p)) && key !== undefined && p.body) {
      const info = newFunction(e, p, key, e.isEntryPointName(key, true));
      if (ts.isGetAccessorDeclaration(p)) value = analyzeFunction(e, info);
      else {
        e.frame.deferred.push(info);
        value = { fn: info };
      }
    } else value = CLEAN;
    if (key !== undefined) props.set(key, value);
    else taints = unionTaints(taints, deepTaints(value));
  }
  return { props, ...(taints ? { taints } : {}) };
}

/** Stores a value into an assignment target: a binding, a class field, an object member, a pattern. */
/** `Object.assign(err, { apiKey })`: the target takes the members of `value` beside its own. */
export function mergeInto(e: Engine, target: TS.Expression, value: Value): void {
  const t = e.syntax.unwrap(target);
  const binding = e.ts.isIdentifier(t) ? e.scope.lookup(t.text) : undefined;
  if (!binding || binding.value.cls) return assignTo(e, target, taintOnly(deepTaints(value)), true);
  const current = binding.value;
  const props = new Map(current.props ?? []);
  for (const [key, member] of value.props ?? []) props.set(key, join(props.get(key) ?? CLEAN, member));
  binding.value = { ...current, props, taints: unionTaints(current.taints, value.taints) };
}

export function assignTo(e: Engine, target: TS.Expression, value: Value, compound = false): void {
  const ts = e.ts;
  const t = e.syntax.unwrap(target);
  if (ts.isIdentifier(t)) {
    const binding = e.scope.lookup(t.text);
    if (!binding) return;
    const stepped = isTainted(value) ? withStep(value, e.loc(t, `assigned to \`${t.text}\``)) : value;
    if (compound) binding.value = join(binding.value, stepped);
    else e.assign(binding, seedByName(e, t.text, stepped, { nameNode: t, binding }));
    return;
  }
  if (ts.isPropertyAccessExpression(t) || ts.isElementAccessExpression(t)) {
    const key = e.syntax.memberName(t);
    if (ts.isElementAccessExpression(t) && key === undefined) evaluate(e, t.argumentExpression);
    const objectExpr = e.syntax.unwrap(t.expression);
    if (key !== undefined && isTainted(value) && e.names.isCredentialKey(key)) e.confirm(value);
    // ctx.body = x (Koa) sends x.
    const root = e.syntax.lastName(objectExpr);
    if (key !== undefined && root !== undefined && e.tables.responseObjects.has(root) && e.tables.responseProperties.has(key)) {
      e.sink('no-secret-in-output', t, value, `${root}.${key}`);
    }
    if (objectExpr.kind === e.SK.ThisKeyword && e.frame.thisClass && key !== undefined) {
      writeField(e.frame.thisClass, key, isTainted(value) ? withStep(value, e.loc(t, `stored in this.${key}`)) : value);
      return;
    }
    // `this.headers['Authorization'] = …`, `this.conf.key = …`: a member of a field of this class.
    const thisField = fieldOfThis(e, objectExpr);
    if (thisField && e.frame.thisClass) {
      const cls = e.frame.thisClass;
      const current = cls.fields.get(thisField) ?? CLEAN;
      const stored = isTainted(value) ? withStep(value, e.loc(t, `stored in this.${thisField}`)) : value;
      if (key === undefined) writeField(cls, thisField, { ...current, taints: unionTaints(current.taints, deepTaints(stored)) });
      else {
        const props = new Map(current.props ?? []);
        props.set(key, join(props.get(key) ?? CLEAN, stored));
        writeField(cls, thisField, { ...current, props });
      }
      return;
    }
    if (ts.isIdentifier(objectExpr)) {
      const binding = e.scope.lookup(objectExpr.text);
      if (!binding) return;
      const current = binding.value;
      if (current.cls && key !== undefined) {
        writeField(current.cls, key, value);
        return;
      }
      if (key === undefined) {
        binding.value = join(current, taintOnly(deepTaints(value)));
        return;
      }
      const props = new Map(current.props ?? []);
      props.set(key, compound || e.conditional > 0 ? join(props.get(key) ?? CLEAN, value) : value);
      binding.value = { ...current, props };
      return;
    }
    evaluate(e, objectExpr);
    return;
  }
  if (ts.isObjectLiteralExpression(t) || ts.isArrayLiteralExpression(t)) {
    // Destructuring assignment: every target receives the taint of the whole.
    const whole = taintOnly(deepTaints(value));
    const elements = ts.isObjectLiteralExpression(t) ? t.properties : t.elements;
    for (const el of elements) {
      if (ts.isShorthandPropertyAssignment(el)) assignTo(e, el.name, whole);
      else if (ts.isPropertyAssignment(el)) assignTo(e, el.initializer, whole);
      else if (ts.isSpreadAssignment(el) || ts.isSpreadElement(el)) assignTo(e, el.expression, whole);
      else if (ts.isExpression(el)) assignTo(e, el, whole);
    }
  }
}
