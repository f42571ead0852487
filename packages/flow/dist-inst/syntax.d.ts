import type * as TS from 'typescript';
/** Syntax helpers that take the TypeScript instance they work with (the `typescript` package or ts-morph's copy). */
export declare class Syntax {
    readonly ts: typeof TS;
    /** Kinds of the wrappers `unwrap` strips, as numbers of this TypeScript copy. */
    private readonly wrappers;
    constructor(ts: typeof TS);
    /** Strips parentheses, `as`, `!`, `satisfies` and type assertions. */
    unwrap(node: TS.Expression): TS.Expression;
    /** `console.log`, `this.logger.info`, `process.env.X`, `import.meta.env`; undefined for computed shapes. */
    dotted(node: TS.Expression): string | undefined;
    /** The member name of `o.name` / `o['name']`, when static. */
    memberName(node: TS.PropertyAccessExpression | TS.ElementAccessExpression): string | undefined;
    /** The last name in a receiver chain: `logger` in `this.logger`, `log` in `req.log`, `res` in `res.status(500)`. */
    lastName(node: TS.Expression): string | undefined;
    /** The leftmost identifier of a chain of members and calls: `res` in `res.status(500).json`. */
    rootName(node: TS.Expression): string | undefined;
    /** The static name of a property, method or binding name. */
    propertyName(name: TS.PropertyName | TS.BindingName | undefined): string | undefined;
    hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean;
    isFunctionLike(node: TS.Node): node is TS.FunctionExpression | TS.ArrowFunction;
}
