import { UNKNOWN_PART } from '@secret-hygiene/core';
/**
 * A step whose position and note are computed only when a path is reported: most values are never reported,
 * and hot code should not pay for offsets (which skip trivia) or note strings.
 */
export class NodeStep {
    node;
    sourceFile;
    describe;
    fileName;
    constructor(node, sourceFile, describe) {
        this.node = node;
        this.sourceFile = sourceFile;
        this.describe = describe;
    }
    get start() {
        return this.node.getStart(this.sourceFile);
    }
    get end() {
        return this.node.getEnd();
    }
    get note() {
        return typeof this.describe === 'string' ? this.describe : this.describe();
    }
}
/** A path as plain locations (for results and summaries that leave the engine). */
export function materialize(path) {
    return path.map((s) => (s instanceof NodeStep ? { start: s.start, end: s.end, note: s.note, ...(s.fileName !== undefined ? { fileName: s.fileName } : {}) } : s));
}
export const CLEAN = Object.freeze({});
export const SAFE = Object.freeze({ safe: true });
export class Scope {
    parent;
    fn;
    bindings;
    constructor(parent, fn) {
        this.parent = parent;
        this.fn = fn;
    }
    declare(binding) {
        (this.bindings ??= new Map()).set(binding.name, binding);
        return binding;
    }
    lookup(name) {
        for (let s = this; s; s = s.parent) {
            const b = s.bindings?.get(name);
            if (b)
                return b;
        }
        return undefined;
    }
}
const MAX_TAINTS = 3;
const MAX_PATH = 12;
export function isTainted(v) {
    return v.taints !== undefined && v.taints.length > 0;
}
/** Union of two taint lists, first origin wins, capped so long chains stay cheap. */
export function unionTaints(a, b) {
    if (!b || b.length === 0)
        return a;
    if (!a || a.length === 0)
        return b;
    const out = [...a];
    for (const t of b) {
        if (out.length >= MAX_TAINTS)
            break;
        if (!out.some((o) => sameOrigin(o.origin, t.origin)))
            out.push(t);
    }
    return out;
}
function sameOrigin(a, b) {
    if (a.kind !== b.kind)
        return false;
    if (a.kind === 'param' && b.kind === 'param')
        return a.index === b.index && a.fn === b.fn && (a.access ?? []).join('.') === (b.access ?? []).join('.');
    if (a.kind === 'candidate' && b.kind === 'candidate')
        return a.binding === b.binding;
    return a.kind === 'source' && b.kind === 'source' && a.label === b.label;
}
/** Joins what two values may be (branches, `||`, re-assignment in a loop). */
export function join(a, b) {
    if (a === b || b === CLEAN)
        return a;
    if (a === CLEAN)
        return b;
    const taints = unionTaints(a.taints, b.taints);
    let props = a.props;
    if (b.props) {
        props = new Map(a.props);
        for (const [k, v] of b.props)
            props.set(k, props.has(k) ? join(props.get(k), v) : v);
    }
    return {
        ...(taints ? { taints } : {}),
        ...(props ? { props } : {}),
        ...(a.safe && b.safe ? { safe: true } : {}),
        ...((a.literal || a.safe) && (b.literal || b.safe) && !taints ? { literal: true } : {}),
        ...((a.kind ?? b.kind) ? { kind: a.kind ?? b.kind } : {}),
        ...(a.fn ?? b.fn ? { fn: a.fn ?? b.fn } : {}),
        ...(a.str !== undefined && a.str === b.str ? { str: a.str, strComplete: a.strComplete && b.strComplete } : {}),
    };
}
/** Every taint the value carries, including those of its known members (a logged object logs all of them). */
export function deepTaints(v, depth = 0) {
    let taints = v.taints;
    if (v.props && depth < 4)
        for (const p of v.props.values())
            taints = unionTaints(taints, deepTaints(p, depth + 1));
    return taints;
}
/** What the value contributes as text (`${x}`, `'…' + x`): a request error's text is its message, not its request. */
export function textTaints(v) {
    return v.kind === 'requestError' ? undefined : deepTaints(v);
}
/**
 * What printing or serialising the value shows: its taints and its members', and for an instance of a class of
 * this file (`console.log(this)`, `JSON.stringify(client)`), what its fields hold.
 */
export function shownTaints(v) {
    let taints = deepTaints(v);
    if (v.cls && !v.cls.ownView)
        for (const field of v.cls.fields.values())
            taints = unionTaints(taints, deepTaints(field));
    return taints;
}
/** Each taint of the value with the member path it sits at (`[]`: the value itself), as deep as `deepTaints` looks. */
export function taintsByAccess(v, access = [], depth = 0) {
    const out = (v.taints ?? []).map((taint) => ({ taint, access }));
    if (v.props && depth < 4)
        for (const [name, member] of v.props)
            out.push(...taintsByAccess(member, [...access, name], depth + 1));
    return out;
}
/** The value with `taint` added at the member path `access` (nested members are created as needed). */
export function withMemberTaint(v, access, taint) {
    if (access.length === 0)
        return { ...v, taints: unionTaints(v.taints, [taint]) };
    const [head, ...rest] = access;
    const props = new Map(v.props ?? []);
    props.set(head, withMemberTaint(props.get(head) ?? CLEAN, rest, taint));
    return { ...v, props };
}
/** The value with one more step on each taint's path. */
export function withStep(v, step) {
    if (!isTainted(v))
        return v;
    return { ...v, taints: v.taints.map((t) => ({ origin: t.origin, path: appendStep(t.path, step) })) };
}
export function taintsWithStep(taints, step) {
    return taints.map((t) => ({ origin: t.origin, path: appendStep(t.path, step) }));
}
export function appendStep(path, step) {
    const last = path[path.length - 1];
    // Consecutive steps at the same place say one thing; lazy steps compare by node so no offset is computed.
    const lazy = last instanceof NodeStep || step instanceof NodeStep;
    if (last && (lazy ? last instanceof NodeStep && step instanceof NodeStep && last.node === step.node : last.start === step.start && last.end === step.end))
        return path;
    const next = [...path, step];
    // Keep the source and the steps nearest the sink.
    return next.length > MAX_PATH ? [next[0], ...next.slice(next.length - MAX_PATH + 1)] : next;
}
/** A value carrying only taint (no members or kind), e.g. a string built from secrets. */
export function taintOnly(taints) {
    return taints && taints.length > 0 ? { taints } : CLEAN;
}
/** All of a value's text as far as it is known: its string, or its shape with the unknown parts marked. */
export function textShape(v) {
    return v.str !== undefined && v.strComplete ? v.str : (v.shape ?? `${v.str ?? ''}${UNKNOWN_PART}`);
}
/** What the URL classifier reads of a value that has known text. */
export function urlText(v) {
    return v.strComplete ? (v.str ?? '') : (v.shape ?? v.str ?? '');
}
