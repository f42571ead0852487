import { CLEAN, deepTaints, isTainted, join, taintOnly, unionTaints } from './value.js';
/** Mask-like or empty literals: `''`, `'***'`, `'[REDACTED]'` hold no secret whatever the name says. */
const MASK_LITERAL = /^(?:[\s*•xX#.\-_?]*|.*(?:redact|mask|hidden|placeholder|changeme|your[-_ ]?).*)$/i;
/** Whether a declaration's initializer makes a secret-looking name safe (`const hasToken = true`). */
function safeInitializer(e, init) {
    if (!init)
        return false;
    const ts = e.ts;
    const x = e.syntax.unwrap(init);
    if (ts.isStringLiteralLike(x))
        return MASK_LITERAL.test(x.text);
    return (ts.isNumericLiteral(x) ||
        x.kind === e.SK.TrueKeyword ||
        x.kind === e.SK.FalseKeyword ||
        x.kind === e.SK.NullKeyword ||
        ts.isFunctionExpression(x) ||
        ts.isArrowFunction(x) ||
        ts.isClassExpression(x) ||
        (ts.isIdentifier(x) && x.text === 'undefined'));
}
/** A type annotation that cannot hold a secret string: boolean, number, a `Secret`, a function type. */
function safeAnnotation(e, type) {
    if (!type)
        return false;
    const ts = e.ts;
    const k = type.kind;
    if (k === e.SK.BooleanKeyword || k === e.SK.NumberKeyword || k === e.SK.BigIntKeyword || ts.isFunctionTypeNode(type))
        return true;
    if (ts.isTypeReferenceNode(type))
        return e.tables.secretTypes.has(ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text);
    if (ts.isUnionTypeNode(type))
        return type.types.every((t) => t.kind === e.SK.UndefinedKeyword || t.kind === e.SK.NullKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === e.SK.NullKeyword) || safeAnnotation(e, t));
    return false;
}
function isStringAnnotation(e, type) {
    const ts = e.ts;
    if (!type)
        return false;
    if (type.kind === e.SK.StringKeyword)
        return true;
    return ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === e.SK.StringKeyword);
}
/**
 * Adds the taint a name implies (flows.md "sensitive names"): `apiKey` is a source; an ambiguous `token` is a
 * candidate that waits for evidence, unless declared as a string; a boolean, number or `Secret` is not.
 */
export function seedByName(e, name, value, ctx) {
    const verdict = e.names.classify(name);
    if (verdict === 'no' || value.safe || value.kind === 'secretObject' || value.fn || value.cls || value.kind === 'logger')
        return value;
    // A value built only from other literals (`apiKey ? '(set)' : '(unset)'`) is known; a literal written right
    // here under a secret name is a hardcoded secret and stays a source.
    if (value.literal && !isTainted(value) && !(ctx.init && e.ts.isStringLiteralLike(e.syntax.unwrap(ctx.init))))
        return value;
    if (safeInitializer(e, ctx.init) || safeAnnotation(e, ctx.type))
        return value;
    if (e.types && (e.types.isScalar(ctx.nameNode) || e.types.isSecretType(ctx.nameNode) === true || e.types.isCallable(ctx.nameNode)))
        return value;
    const location = e.loc(ctx.nameNode, () => `\`${name}\` is named like a secret`);
    let taint;
    if (verdict === 'secret' || (e.names.isStringTypedCredential(name) && (isStringAnnotation(e, ctx.type) || (e.types?.isString(ctx.nameNode) ?? false)))) {
        taint = { origin: { kind: 'source', label: name, byName: true, ...(ctx.paramOf ? { paramOf: ctx.paramOf } : {}) }, path: [location] };
    }
    else if (ctx.binding) {
        taint = { origin: { kind: 'candidate', binding: ctx.binding, label: name }, path: [location] };
    }
    else
        return value;
    const { literal: _known, ...rest } = value;
    return { ...rest, taints: unionTaints(value.taints, [taint]) };
}
/** Declares every name in a binding pattern with the part of `value` it receives. */
export function declarePattern(e, name, value, init, type, scope = e.scope) {
    const ts = e.ts;
    if (ts.isIdentifier(name)) {
        const binding = { name: name.text, value: CLEAN, owner: e.frame.info, decl: name };
        const note = `assigned to \`${name.text}\``;
        const stepped = e.isTainted(value) ? withDeclStep(value, e.loc(name, note)) : value;
        binding.value = seedByName(e, name.text, stepped, { nameNode: name, init, type, binding });
        scope.declare(binding);
        return;
    }
    if (ts.isObjectBindingPattern(name)) {
        const taken = [];
        for (const element of name.elements) {
            if (element.dotDotDotToken) {
                declarePattern(e, element.name, restOf(value, taken), undefined, undefined, scope);
                continue;
            }
            const key = e.syntax.propertyName(element.propertyName ?? (ts.isIdentifier(element.name) ? element.name : undefined));
            if (key !== undefined)
                taken.push(key);
            let part = key === undefined ? taintOnly(deepTaints(value)) : memberOfDestructured(e, value, key, element);
            if (element.initializer)
                part = join(part, e.evaluate(element.initializer));
            declarePattern(e, element.name, part, element.initializer, undefined, scope);
        }
        return;
    }
    for (const element of name.elements) {
        if (ts.isOmittedExpression(element))
            continue;
        let part = taintOnly(deepTaints(value));
        if (element.initializer)
            part = join(part, e.evaluate(element.initializer));
        declarePattern(e, element.name, part, element.initializer, undefined, scope);
    }
}
function memberOfDestructured(e, value, key, element) {
    return e.member(value, key, element);
}
function restOf(value, taken) {
    if (!value.props)
        return value.kind === 'env' ? { taints: value.taints ?? [] } : value;
    const props = new Map([...value.props].filter(([k]) => !taken.includes(k)));
    return { ...value, props };
}
function withDeclStep(value, step) {
    if (!value.taints)
        return value;
    return { ...value, taints: value.taints.map((t) => ({ origin: t.origin, path: [...t.path, step] })) };
}
