import { isWrittenCredential } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import { isStreamHandler } from './ambiguous.js';
import { isMinting } from './calls.js';
import type { FlowLocation } from './types.js';
import { CLEAN, deepTaints, isTainted, join, taintOnly, unionTaints, type Binding, type FunctionInfo, type Taint, type Value } from './value.js';
import { withTypedSecretMembers } from './typed-members.js';

/** Mask-like or empty literals: `''`, `'***'`, `'[REDACTED]'` hold no secret whatever the name says. */
const MASK_LITERAL = /^(?:[\s*•xX#.\-_?]*|.*(?:redact|mask|hidden|placeholder|changeme|your[-_ ]?).*)$/i;

/**
 * Whether a declaration's initializer makes a secret-looking name safe (`const hasToken = true`). A string
 * literal does when it holds no credential anyone would write: a mask, a stand-in, a few characters
 * (`const fixed_password = '123'`).
 */
function safeInitializer(e: Engine, init: TS.Expression | undefined): boolean {
  if (!init) return false;
  const ts = e.ts;
  const x = e.syntax.unwrap(init);
  if (ts.isStringLiteralLike(x)) return MASK_LITERAL.test(x.text) || !isWrittenCredential(x.text);
  return (
    ts.isNumericLiteral(x) ||
    x.kind === e.SK.TrueKeyword ||
    x.kind === e.SK.FalseKeyword ||
    x.kind === e.SK.NullKeyword ||
    ts.isFunctionExpression(x) ||
    ts.isArrowFunction(x) ||
    ts.isClassExpression(x) ||
    (ts.isIdentifier(x) && x.text === 'undefined')
  );
}

/** A type annotation that cannot hold a secret string: boolean, number, a `Secret`, a function type. */
function safeAnnotation(e: Engine, type: TS.TypeNode | undefined): boolean {
  if (!type) return false;
  const ts = e.ts;
  const k = type.kind;
  if (k === e.SK.BooleanKeyword || k === e.SK.NumberKeyword || k === e.SK.BigIntKeyword || ts.isFunctionTypeNode(type)) return true;
  if (ts.isTypeReferenceNode(type)) return e.tables.secretTypes.has(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text);
  if (ts.isUnionTypeNode(type)) return type.types.every((t) => t.kind === e.SK.UndefinedKeyword || t.kind === e.SK.NullKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === e.SK.NullKeyword) || safeAnnotation(e, t));
  return false;
}

function isStringAnnotation(e: Engine, type: TS.TypeNode | undefined): boolean {
  const ts = e.ts;
  if (!type) return false;
  if (type.kind === e.SK.StringKeyword) return true;
  return ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === e.SK.StringKeyword);
}

export interface SeedContext {
  nameNode: TS.Node;
  init?: TS.Expression | undefined;
  type?: TS.TypeNode | undefined;
  binding?: Binding;
  /** Set for a parameter: its name speaks for what callers pass, not for what the function returns. */
  paramOf?: FunctionInfo;
}

/**
 * Adds the taint a name implies (flows.md "sensitive names"): `apiKey` is a source; an ambiguous `token` is a
 * candidate that waits for evidence, unless declared as a string; a boolean, number or `Secret` is not.
 */
export function seedByName(e: Engine, name: string, value: Value, ctx: SeedContext): Value {
  const verdict = e.names.classify(name);
  if (verdict === 'no' || value.safe || value.kind === 'secretObject' || value.fn || value.cls || value.kind === 'logger') return value;
  // A value built only from other literals (`apiKey ? '(set)' : '(unset)'`) is known; a literal written right
  // here under a secret name is a hardcoded secret and stays a source.
  if (value.literal && !isTainted(value) && !(ctx.init && e.ts.isStringLiteralLike(e.syntax.unwrap(ctx.init)))) return value;
  if (safeInitializer(e, ctx.init) || safeAnnotation(e, ctx.type)) return value;
  if (e.types && (e.types.isScalar(ctx.nameNode) || e.types.isSecretType(ctx.nameNode) === true || e.types.isCallable(ctx.nameNode))) return value;
  const location = e.loc(ctx.nameNode, () => `\`${name}\` is named like a secret`);
  let taint: Taint;
  if (verdict === 'secret' || (e.names.isStringTypedCredential(name) && (isStringAnnotation(e, ctx.type) || (e.types?.isString(ctx.nameNode) ?? false)) && !(ctx.paramOf && isStreamHandler(e, ctx.paramOf.node)))) {
    const minted = ctx.init !== undefined && mintedIn(e, ctx.init);
    taint = { origin: { kind: 'source', label: name, byName: true, ...(ctx.paramOf ? { paramOf: ctx.paramOf } : {}), ...(minted ? { minted: true as const } : {}) }, path: [location] };
  } else if (ctx.binding) {
    taint = { origin: { kind: 'candidate', binding: ctx.binding, label: name }, path: [location] };
  } else return value;
  const { literal: _known, ...rest } = value;
  return { ...rest, taints: unionTaints(value.taints, [taint]) };
}

/**
 * Whether an initializer makes its value with a minting call (`jwt.sign(…)`, `'sk_' + randomBytes(24).toString('hex')`,
 * `` `key_${nanoid()}` ``), not counting calls inside functions it defines.
 */
function mintedIn(e: Engine, init: TS.Expression): boolean {
  const ts = e.ts;
  const visit = (node: TS.Node): boolean => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
    if (ts.isCallExpression(node)) {
      const callee = e.syntax.unwrap(node.expression);
      const method = ts.isPropertyAccessExpression(callee) ? callee : undefined;
      if (isMinting(e, { dotted: e.syntax.dotted(callee), name: method?.name.text, receiverExpr: method?.expression })) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(init);
}

/** Declares every name in a binding pattern with the part of `value` it receives. */
export function declarePattern(e: Engine, name: TS.BindingName, value: Value, init: TS.Expression | undefined, type: TS.TypeNode | undefined, scope = e.scope): void {
  const ts = e.ts;
  if (ts.isIdentifier(name)) {
    const binding: Binding = { name: name.text, value: CLEAN, owner: e.frame.info, decl: name };
    const note = `assigned to \`${name.text}\``;
    const stepped = e.isTainted(value) ? withDeclStep(withoutGuessesDenied(e, name.text, value), e.loc(name, note)) : value;
    binding.value = withTypedSecretMembers(e, name.text, seedByName(e, name.text, stepped, { nameNode: name, init, type, binding }), type, name);
    scope.declare(binding);
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    const taken: string[] = [];
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        declarePattern(e, element.name, restOf(value, taken), undefined, undefined, scope);
        continue;
      }
      const key = e.syntax.propertyName(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
      if (key !== undefined) taken.push(key);
      let part = key === undefined ? taintOnly(deepTaints(value)) : memberOfDestructured(e, value, key, element);
      if (element.initializer) part = join(part, e.evaluate(element.initializer));
      declarePattern(e, element.name, part, element.initializer, undefined, scope);
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isOmittedExpression(element)) return;
    // `const [user, password] = creds.split(':')`: the user name is no secret.
    let part = index === 0 && value.headIsName ? CLEAN : taintOnly(deepTaints(value));
    if (element.initializer) part = join(part, e.evaluate(element.initializer));
    declarePattern(e, element.name, part, element.initializer, undefined, scope);
  });
}

function memberOfDestructured(e: Engine, value: Value, key: string, element: TS.BindingElement): Value {
  return e.member(value, key, element);
}

function restOf(value: Value, taken: string[]): Value {
  if (!value.props) {
    if (value.kind === 'env') return { taints: value.taints ?? [] };
    // `const { apiKey, ...rest } = config`: the rest no longer holds the member its type declared.
    const kept = value.taints?.filter((t) => t.origin.kind !== 'source' || t.origin.member === undefined || !taken.includes(t.origin.member));
    return kept && kept.length !== value.taints!.length ? { ...value, taints: kept } : value;
  }
  const props = new Map([...value.props].filter(([k]) => !taken.includes(k)));
  return { ...value, props };
}

/**
 * `const hashed2 = actually_ok_password_2()`: only a name said the value is a secret, and the name it is stored
 * under says it was hashed. The nearer name wins; a real source (`process.env`, a `Secret`) stays whatever the name.
 */
function withoutGuessesDenied(e: Engine, name: string, value: Value): Value {
  const taints = value.taints;
  if (!taints || !taints.some(isGuess) || !e.names.saysSanitized(name)) return value;
  const kept = taints.filter((t) => !isGuess(t));
  const { taints: _guessed, ...rest } = value;
  return kept.length > 0 ? { ...rest, taints: kept } : rest;
}

function isGuess(t: Taint): boolean {
  return (t.origin.kind === 'source' && t.origin.byName) || t.origin.kind === 'candidate';
}

function withDeclStep(value: Value, step: FlowLocation): Value {
  if (!value.taints) return value;
  return { ...value, taints: value.taints.map((t) => ({ origin: t.origin, path: [...t.path, step] })) };
}
