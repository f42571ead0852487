/** Syntax helpers that take the TypeScript instance they work with (the `typescript` package or ts-morph's copy). */
export class Syntax {
    ts;
    /** Kinds of the wrappers `unwrap` strips, as numbers of this TypeScript copy. */
    wrappers;
    constructor(ts) {
        this.ts = ts;
        const k = ts.SyntaxKind;
        this.wrappers = new Set([k.ParenthesizedExpression, k.AsExpression, k.NonNullExpression, k.SatisfiesExpression, k.TypeAssertionExpression]);
    }
    /** Strips parentheses, `as`, `!`, `satisfies` and type assertions. */
    unwrap(node) {
        let e = node;
        while (this.wrappers.has(e.kind))
            e = e.expression;
        return e;
    }
    /** `console.log`, `this.logger.info`, `process.env.X`, `import.meta.env`; undefined for computed shapes. */
    dotted(node) {
        const ts = this.ts;
        const e = this.unwrap(node);
        if (ts.isIdentifier(e) || ts.isPrivateIdentifier(e))
            return e.text;
        if (e.kind === ts.SyntaxKind.ThisKeyword)
            return 'this';
        if (ts.isMetaProperty(e))
            return `${ts.tokenToString(e.keywordToken)}.${e.name.text}`;
        if (ts.isPropertyAccessExpression(e)) {
            const left = this.dotted(e.expression);
            return left === undefined ? undefined : `${left}.${e.name.text}`;
        }
        if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
            const left = this.dotted(e.expression);
            return left === undefined ? undefined : `${left}.${e.argumentExpression.text}`;
        }
        return undefined;
    }
    /** The member name of `o.name` / `o['name']`, when static. */
    memberName(node) {
        const ts = this.ts;
        if (ts.isPropertyAccessExpression(node))
            return node.name.text;
        const arg = node.argumentExpression;
        if (ts.isStringLiteralLike(arg) || ts.isNumericLiteral(arg))
            return arg.text;
        return undefined;
    }
    /** The last name in a receiver chain: `logger` in `this.logger`, `log` in `req.log`, `res` in `res.status(500)`. */
    lastName(node) {
        const ts = this.ts;
        const e = this.unwrap(node);
        if (ts.isIdentifier(e))
            return e.text;
        if (ts.isPropertyAccessExpression(e))
            return e.name.text;
        if (ts.isElementAccessExpression(e))
            return this.memberName(e);
        if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression))
            return this.lastName(e.expression.expression);
        return undefined;
    }
    /** The leftmost identifier of a chain of members and calls: `res` in `res.status(500).json`. */
    rootName(node) {
        const ts = this.ts;
        let e = this.unwrap(node);
        for (;;) {
            if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e))
                e = this.unwrap(e.expression);
            else
                break;
        }
        return ts.isIdentifier(e) ? e.text : undefined;
    }
    /** The static name of a property, method or binding name. */
    propertyName(name) {
        const ts = this.ts;
        if (!name)
            return undefined;
        if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name))
            return name.text;
        if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression))
            return name.expression.text;
        return undefined;
    }
    hasModifier(node, kind) {
        const ts = this.ts;
        return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false);
    }
    isFunctionLike(node) {
        return this.ts.isFunctionExpression(node) || this.ts.isArrowFunction(node);
    }
}
