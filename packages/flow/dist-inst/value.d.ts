import type * as TS from 'typescript';
import type { FunctionSummary } from './summary.js';
import type { FlowLocation } from './types.js';
/** Where a tainted value came from. */
export type Origin = 
/** A real source; `byName` when only an identifier's name says it holds a secret. */
{
    kind: 'source';
    label: string;
    byName: boolean;
    paramOf?: FunctionInfo;
}
/** The value of a parameter of the function being summarised (resolved at each call). */
 | {
    kind: 'param';
    index: number;
    fn: FunctionInfo;
    access?: readonly string[];
}
/** A value named like `token` that leaks only if the file shows it is a credential. */
 | {
    kind: 'candidate';
    binding: Binding;
    label: string;
};
export interface Taint {
    origin: Origin;
    path: FlowLocation[];
    /** `p.key` taints of a parameter taint, shared between reads. */
    members?: Map<string, Taint>;
}
/**
 * A step whose position and note are computed only when a path is reported: most values are never reported,
 * and hot code should not pay for offsets (which skip trivia) or note strings.
 */
export declare class NodeStep implements FlowLocation {
    readonly node: TS.Node;
    readonly sourceFile: TS.SourceFile;
    private readonly describe;
    fileName?: string;
    constructor(node: TS.Node, sourceFile: TS.SourceFile, describe: string | (() => string));
    get start(): number;
    get end(): number;
    get note(): string;
}
/** A path as plain locations (for results and summaries that leave the engine). */
export declare function materialize(path: readonly FlowLocation[]): FlowLocation[];
/** What the engine knows of a value that can matter for a secret. */
export type ValueKind = 'env' | 'logger' | 'loggerFactory' | 'loggerClass' | 'logFunction' | 'logFunctionFactory' | 'transport' | 'secretObject' | 'resolve' | 'reject' | 'module'
/** An Error built here: its message was checked where it was built. */
 | 'errorObject'
/** The error of a request whose library keeps the request in it (axios `err.config.headers`): `taints` are what the request carried. */
 | 'requestError';
export interface Value {
    taints?: readonly Taint[];
    /** Known members (object literals, class instances). */
    props?: Map<string, Value>;
    /** The value shows nothing of a secret: a boolean, a number, a hash. */
    safe?: boolean;
    /** Built only from string literals of this file (`apiKey ? '(set)' : '(unset)'`). */
    literal?: boolean;
    kind?: ValueKind;
    /** For `module`: the module specifier. */
    module?: string;
    /**
     * A global object a log call starts from, by its dotted name (`process`, `process.stdout`): kept through
     * aliases and destructuring, so `const out = process.stdout; out.write(x)` is the log call it spells.
     */
    object?: string;
    /** Known leading text (URLs, file paths); `strComplete` when it is all of it. */
    str?: string;
    strComplete?: boolean;
    /** A URL's whole text when not `strComplete`, with `UNKNOWN_PART` for each part known only at run time. */
    shape?: string;
    /** Offset of the URL scheme in the file when `str` comes from one literal here (for the https fix). */
    schemeAt?: number;
    fn?: FunctionInfo;
    cls?: ClassInfo;
    /** For a logger: keys it censors (pino `redact`). */
    redacts?: ReadonlySet<string>;
    /** The value is parameter `index` of `fn` as passed (a URL handed to a request helper). */
    param?: {
        fn: FunctionInfo;
        index: number;
    };
    /** A pending request (its promise): what its error would keep of the request, if it fails. */
    requestError?: readonly Taint[];
}
export declare const CLEAN: Value;
export declare const SAFE: Value;
export interface Binding {
    name: string;
    value: Value;
    /** The function whose scope declared it (strong updates only there). */
    owner: FunctionInfo | undefined;
    /** A `candidate` binding that the file showed to be a credential. */
    confirmed?: boolean;
    /** The declaring name, for paths. */
    decl: TS.Node;
}
export interface ClassInfo {
    name: string;
    node: TS.ClassLikeDeclaration;
    fields: Map<string, Value>;
    methods: Map<string, FunctionInfo>;
    /** Fields read before a later method stored a secret in them: the methods that read them are analysed once more. */
    stale: boolean;
    readFields: Set<string>;
    /** The class's own methods, accessors and function-valued fields, in the order they are analysed. */
    members: Set<FunctionInfo>;
    /** Per member: each field it read, with the clock value of its first read in its latest analysis. */
    memberReads: Map<FunctionInfo, Map<string, number>>;
    /** Per member: the other members whose summaries it used (`this.helper()`, a getter). */
    memberUses: Map<FunctionInfo, Set<FunctionInfo>>;
    /** Per field: the clock value of its latest change after some read. */
    changedAt: Map<string, number>;
    /** Counts reads and changes, so a read can be ordered before or after a change. */
    clock: number;
    isError: boolean;
    /** Defines what printing it shows (`toJSON`, `toString`, `[inspect.custom]`): its fields are not shown whole. */
    ownView?: boolean;
    /**
     * Per member, the fields that keep (a member of) one of its parameters: `new C(secret)` (the constructor) and
     * `c.setKey(secret)` (a method) make them secret.
     */
    fieldsFromParams: Map<FunctionInfo, Map<string, Array<{
        param: number;
        access?: readonly string[];
    }>>>;
}
export interface FunctionInfo {
    node: TS.SignatureDeclaration;
    name: string;
    scope: Scope;
    cls: ClassInfo | undefined;
    /** `this` inside is the enclosing class instance. */
    isEntryPoint: boolean;
    state: 'new' | 'running' | 'done';
    summary?: FunctionSummary;
}
export declare class Scope {
    readonly parent: Scope | undefined;
    readonly fn: FunctionInfo | undefined;
    private bindings;
    constructor(parent: Scope | undefined, fn: FunctionInfo | undefined);
    declare(binding: Binding): Binding;
    lookup(name: string): Binding | undefined;
}
export declare function isTainted(v: Value): boolean;
/** Union of two taint lists, first origin wins, capped so long chains stay cheap. */
export declare function unionTaints(a: readonly Taint[] | undefined, b: readonly Taint[] | undefined): readonly Taint[] | undefined;
/** Joins what two values may be (branches, `||`, re-assignment in a loop). */
export declare function join(a: Value, b: Value): Value;
/** Every taint the value carries, including those of its known members (a logged object logs all of them). */
export declare function deepTaints(v: Value, depth?: number): readonly Taint[] | undefined;
/** What the value contributes as text (`${x}`, `'…' + x`): a request error's text is its message, not its request. */
export declare function textTaints(v: Value): readonly Taint[] | undefined;
/**
 * What printing or serialising the value shows: its taints and its members', and for an instance of a class of
 * this file (`console.log(this)`, `JSON.stringify(client)`), what its fields hold.
 */
export declare function shownTaints(v: Value): readonly Taint[] | undefined;
/** Each taint of the value with the member path it sits at (`[]`: the value itself), as deep as `deepTaints` looks. */
export declare function taintsByAccess(v: Value, access?: readonly string[], depth?: number): Array<{
    taint: Taint;
    access: readonly string[];
}>;
/** The value with `taint` added at the member path `access` (nested members are created as needed). */
export declare function withMemberTaint(v: Value, access: readonly string[], taint: Taint): Value;
/** The value with one more step on each taint's path. */
export declare function withStep(v: Value, step: FlowLocation): Value;
export declare function taintsWithStep(taints: readonly Taint[], step: FlowLocation): Taint[];
export declare function appendStep(path: FlowLocation[], step: FlowLocation): FlowLocation[];
/** A value carrying only taint (no members or kind), e.g. a string built from secrets. */
export declare function taintOnly(taints: readonly Taint[] | undefined): Value;
/** All of a value's text as far as it is known: its string, or its shape with the unknown parts marked. */
export declare function textShape(v: Value): string;
/** What the URL classifier reads of a value that has known text. */
export declare function urlText(v: Value): string;
