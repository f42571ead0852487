import { deepTaints, unionTaints } from './value.js';
/**
 * Keys a logger is configured to censor: pino's `redact: ['apiKey', 'req.headers.authorization', '*.password']`
 * or `redact: { paths: [...] }`. A key counts wherever its path ends, which is what callers log in practice.
 */
export function redactedKeys(e, options) {
    const ts = e.ts;
    if (!options)
        return undefined;
    const object = e.syntax.unwrap(options);
    if (!ts.isObjectLiteralExpression(object))
        return undefined;
    const redact = object.properties.find((p) => ts.isPropertyAssignment(p) && e.syntax.propertyName(p.name) === 'redact');
    if (!redact)
        return undefined;
    let list = e.syntax.unwrap(redact.initializer);
    if (ts.isObjectLiteralExpression(list)) {
        const paths = list.properties.find((p) => ts.isPropertyAssignment(p) && e.syntax.propertyName(p.name) === 'paths');
        if (!paths)
            return undefined;
        list = e.syntax.unwrap(paths.initializer);
    }
    if (!ts.isArrayLiteralExpression(list))
        return undefined;
    const keys = new Set();
    for (const element of list.elements) {
        if (!ts.isStringLiteralLike(element))
            continue;
        const last = /([\w$-]+)["'\]]*$/.exec(element.text)?.[1];
        if (last)
            keys.add(last);
    }
    return keys.size > 0 ? keys : undefined;
}
/** The taints a logged value still shows once the logger censored the configured keys. */
export function taintsAfterRedaction(value, keys, depth = 0) {
    if (!value.props || depth > 3)
        return deepTaints(value);
    let taints = value.taints;
    for (const [key, member] of value.props) {
        if (!keys.has(key))
            taints = unionTaints(taints, taintsAfterRedaction(member, keys, depth + 1));
    }
    return taints;
}
