/** Shared empty answer: most conditions narrow nothing, and a fresh set per `if` is garbage. */
const NONE = new Set();
/**
 * Names that cannot show a secret in a branch: `if (!key) throw new Error(\`bad ${key}\`)` prints an empty
 * value, `if (typeof token !== 'string') …` a non-string. `whenTrue` picks the branch the condition enters.
 */
export function narrowedNames(e, condition, whenTrue) {
    const ts = e.ts;
    const SK = e.SK;
    const c = e.syntax.unwrap(condition);
    if (ts.isIdentifier(c))
        return whenTrue ? NONE : new Set([c.text]);
    if (ts.isPrefixUnaryExpression(c) && c.operator === SK.ExclamationToken)
        return narrowedNames(e, c.operand, !whenTrue);
    if (!ts.isBinaryExpression(c))
        return NONE;
    const op = c.operatorToken.kind;
    if (op === SK.BarBarToken || op === SK.AmpersandAmpersandToken) {
        const left = narrowedNames(e, c.left, whenTrue);
        const right = narrowedNames(e, c.right, whenTrue);
        // Entering through `a || b` may mean either held: only names narrowed by both are safe.
        const both = (op === SK.BarBarToken) === whenTrue;
        return both ? new Set([...left].filter((n) => right.has(n))) : new Set([...left, ...right]);
    }
    const negated = op === SK.ExclamationEqualsEqualsToken || op === SK.ExclamationEqualsToken;
    if (!negated && op !== SK.EqualsEqualsEqualsToken && op !== SK.EqualsEqualsToken)
        return NONE;
    const name = comparedName(e, c.left, c.right) ?? comparedName(e, c.right, c.left);
    if (name === undefined)
        return NONE;
    return whenTrue !== negated ? new Set([name]) : NONE;
}
/** `x === undefined`, `x == null`, `x === ''`: x holds nothing when the comparison holds. */
function comparedName(e, subject, other) {
    const ts = e.ts;
    const s = e.syntax.unwrap(subject);
    const o = e.syntax.unwrap(other);
    const empty = o.kind === e.SK.NullKeyword || (ts.isIdentifier(o) && o.text === 'undefined') || (ts.isStringLiteralLike(o) && o.text === '');
    return empty && ts.isIdentifier(s) ? s.text : undefined;
}
/** `typeof x !== 'string'` (or `=== 'number'`…): names that are not strings when the condition holds. */
export function nonStringNames(e, condition, whenTrue) {
    const ts = e.ts;
    const SK = e.SK;
    const c = e.syntax.unwrap(condition);
    if (ts.isPrefixUnaryExpression(c) && c.operator === SK.ExclamationToken)
        return nonStringNames(e, c.operand, !whenTrue);
    if (!ts.isBinaryExpression(c))
        return NONE;
    const op = c.operatorToken.kind;
    if (op === SK.BarBarToken || op === SK.AmpersandAmpersandToken) {
        const left = unionWithFalsy(e, c.left, whenTrue);
        const right = unionWithFalsy(e, c.right, whenTrue);
        const both = (op === SK.BarBarToken) === whenTrue;
        return both ? new Set([...left].filter((n) => right.has(n))) : new Set([...left, ...right]);
    }
    const negated = op === SK.ExclamationEqualsEqualsToken || op === SK.ExclamationEqualsToken;
    if (!negated && op !== SK.EqualsEqualsEqualsToken && op !== SK.EqualsEqualsToken)
        return NONE;
    const [l, r] = [e.syntax.unwrap(c.left), e.syntax.unwrap(c.right)];
    const typeOf = ts.isTypeOfExpression(l) ? l : ts.isTypeOfExpression(r) ? r : undefined;
    const literal = ts.isStringLiteralLike(r) ? r : ts.isStringLiteralLike(l) ? l : undefined;
    if (!typeOf || !literal || !ts.isIdentifier(typeOf.expression))
        return NONE;
    const isString = literal.text === 'string';
    // `typeof x !== 'string'` entered, or `typeof x === 'number'` entered: x is no string there.
    const noString = isString ? whenTrue === negated : whenTrue !== negated;
    return noString ? new Set([typeOf.expression.text]) : NONE;
}
function unionWithFalsy(e, c, whenTrue) {
    return safeNamesInBranch(e, c, whenTrue);
}
/** Every name a branch may treat as unable to hold a secret. */
export function safeNamesInBranch(e, condition, whenTrue) {
    const narrowed = narrowedNames(e, condition, whenTrue);
    const nonString = nonStringNames(e, condition, whenTrue);
    if (nonString.size === 0)
        return narrowed;
    if (narrowed.size === 0)
        return nonString;
    return new Set([...narrowed, ...nonString]);
}
