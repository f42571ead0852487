import { UNKNOWN_PART } from '@secret-hygiene/core';
import type * as TS from 'typescript';
import type { FunctionSummary } from './summary.js';
import type { FlowLocation } from './types.js';

/** Where a tainted value came from. */
export type Origin =
  /** A real source; `byName` when only an identifier's name says it holds a secret. */
  | {
      kind: 'source';
      label: string;
      byName: boolean;
      paramOf?: FunctionInfo;
      /** The member a declared type names (`apiKey` of `config: Config`). */
      member?: string;
      /** Made here for the caller by a minting call (`jwt.sign`, `randomBytes`): theirs to receive, not to log. */
      minted?: true;
    }
  /** The value of a parameter of the function being summarised (resolved at each call). */
  /** `forwarded`: read through `arguments` or a rest parameter, which take any argument a caller passes. */
  | { kind: 'param'; index: number; fn: FunctionInfo; access?: readonly string[]; forwarded?: true }
  /** A value named like `token` that leaks only if the file shows it is a credential. */
  | { kind: 'candidate'; binding: Binding; label: string };

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
export class NodeStep implements FlowLocation {
  fileName?: string;
  constructor(
    readonly node: TS.Node,
    readonly sourceFile: TS.SourceFile,
    private readonly describe: string | (() => string),
  ) {}

  get start(): number {
    return this.node.getStart(this.sourceFile);
  }

  get end(): number {
    return this.node.getEnd();
  }

  get note(): string {
    return typeof this.describe === 'string' ? this.describe : this.describe();
  }
}

/** A path as plain locations (for results and summaries that leave the engine). */
export function materialize(path: readonly FlowLocation[]): FlowLocation[] {
  return path.map((s) => (s instanceof NodeStep ? { start: s.start, end: s.end, note: s.note, ...(s.fileName !== undefined ? { fileName: s.fileName } : {}) } : s));
}

/** What the engine knows of a value that can matter for a secret. */
export type ValueKind =
  | 'env'
  | 'logger'
  | 'loggerFactory'
  | 'loggerClass'
  | 'logFunction'
  | 'logFunctionFactory'
  | 'transport'
  | 'secretObject'
  | 'resolve'
  | 'reject'
  | 'module'
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
  param?: { fn: FunctionInfo; index: number };
  /** A pending request (its promise): what its error would keep of the request, if it fails. */
  requestError?: readonly Taint[];
  /** The parts of a secret string split apart (`key.split(',')`): each element is (part of) the secret. */
  splitSecret?: true;
  /** Parts of a credential pair (`user:password`, `Bearer <token>`) split apart: the first names the rest. */
  headIsName?: true;
  /** `[name, value]` pairs (`Object.entries(env)`): each element is a pair whose first part is a name. */
  entryPairs?: true;
}

export const CLEAN: Value = Object.freeze({});
export const SAFE: Value = Object.freeze({ safe: true });

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
  fieldsFromParams: Map<FunctionInfo, Map<string, Array<{ param: number; access?: readonly string[] }>>>;
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

export class Scope {
  private bindings: Map<string, Binding> | undefined;
  constructor(
    readonly parent: Scope | undefined,
    readonly fn: FunctionInfo | undefined,
  ) {}

  declare(binding: Binding): Binding {
    (this.bindings ??= new Map()).set(binding.name, binding);
    return binding;
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.bindings?.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

const MAX_TAINTS = 3;
const MAX_PATH = 12;

export function isTainted(v: Value): boolean {
  return v.taints !== undefined && v.taints.length > 0;
}

/** Union of two taint lists, first origin wins, capped so long chains stay cheap. */
export function unionTaints(a: readonly Taint[] | undefined, b: readonly Taint[] | undefined): readonly Taint[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const out = [...a];
  for (const t of b) {
    if (out.length >= MAX_TAINTS) break;
    if (!out.some((o) => sameOrigin(o.origin, t.origin))) out.push(t);
  }
  return out;
}

function sameOrigin(a: Origin, b: Origin): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'param' && b.kind === 'param') return a.index === b.index && a.fn === b.fn && (a.access ?? []).join('.') === (b.access ?? []).join('.');
  if (a.kind === 'candidate' && b.kind === 'candidate') return a.binding === b.binding;
  return a.kind === 'source' && b.kind === 'source' && a.label === b.label;
}

/** Joins what two values may be (branches, `||`, re-assignment in a loop). */
export function join(a: Value, b: Value): Value {
  if (a === b || b === CLEAN) return a;
  if (a === CLEAN) return b;
  const taints = unionTaints(a.taints, b.taints);
  let props = a.props;
  if (b.props) {
    props = new Map(a.props);
    for (const [k, v] of b.props) props.set(k, props.has(k) ? join(props.get(k)!, v) : v);
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
export function deepTaints(v: Value, depth = 0): readonly Taint[] | undefined {
  let taints = v.taints;
  if (v.props && depth < 4) for (const p of v.props.values()) taints = unionTaints(taints, deepTaints(p, depth + 1));
  return taints;
}

/** What the value contributes as text (`${x}`, `'…' + x`): a request error's text is its message, not its request. */
export function textTaints(v: Value): readonly Taint[] | undefined {
  return v.kind === 'requestError' ? undefined : deepTaints(v);
}

/**
 * What printing or serialising the value shows: its taints and its members', and for an instance of a class of
 * this file (`console.log(this)`, `JSON.stringify(client)`), what its fields hold.
 */
export function shownTaints(v: Value): readonly Taint[] | undefined {
  let taints = deepTaints(v);
  if (v.cls && !v.cls.ownView) for (const field of v.cls.fields.values()) taints = unionTaints(taints, deepTaints(field));
  return taints;
}

/** Each taint of the value with the member path it sits at (`[]`: the value itself), as deep as `deepTaints` looks. */
export function taintsByAccess(v: Value, access: readonly string[] = [], depth = 0): Array<{ taint: Taint; access: readonly string[] }> {
  const out = (v.taints ?? []).map((taint) => ({ taint, access }));
  if (v.props && depth < 4) for (const [name, member] of v.props) out.push(...taintsByAccess(member, [...access, name], depth + 1));
  return out;
}

/** The value with `taint` added at the member path `access` (nested members are created as needed). */
export function withMemberTaint(v: Value, access: readonly string[], taint: Taint): Value {
  if (access.length === 0) return { ...v, taints: unionTaints(v.taints, [taint]) };
  const [head, ...rest] = access;
  const props = new Map(v.props ?? []);
  props.set(head!, withMemberTaint(props.get(head!) ?? CLEAN, rest, taint));
  return { ...v, props };
}

/** The value with one more step on each taint's path. */
export function withStep(v: Value, step: FlowLocation): Value {
  if (!isTainted(v)) return v;
  return { ...v, taints: v.taints!.map((t) => ({ origin: t.origin, path: appendStep(t.path, step) })) };
}

export function taintsWithStep(taints: readonly Taint[], step: FlowLocation): Taint[] {
  return taints.map((t) => ({ origin: t.origin, path: appendStep(t.path, step) }));
}

export function appendStep(path: FlowLocation[], step: FlowLocation): FlowLocation[] {
  const last = path[path.length - 1];
  // Consecutive steps at the same place say one thing; lazy steps compare by node so no offset is computed.
  const lazy = last instanceof NodeStep || step instanceof NodeStep;
  if (last && (lazy ? last instanceof NodeStep && step instanceof NodeStep && last.node === step.node : last.start === step.start && last.end === step.end)) return path;
  const next = [...path, step];
  // Keep the source and the steps nearest the sink.
  return next.length > MAX_PATH ? [next[0]!, ...next.slice(next.length - MAX_PATH + 1)] : next;
}

/** A value carrying only taint (no members or kind), e.g. a string built from secrets. */
export function taintOnly(taints: readonly Taint[] | undefined): Value {
  return taints && taints.length > 0 ? { taints } : CLEAN;
}

/** All of a value's text as far as it is known: its string, or its shape with the unknown parts marked. */
export function textShape(v: Value): string {
  return v.str !== undefined && v.strComplete ? v.str : (v.shape ?? `${v.str ?? ''}${UNKNOWN_PART}`);
}

/** What the URL classifier reads of a value that has known text. */
export function urlText(v: Value): string {
  return v.strComplete ? (v.str ?? '') : (v.shape ?? v.str ?? '');
}

/**
 * What iterating a value yields (`for (const x of v)`, a callback's element): its taint, and for entry pairs a
 * pair whose name is no secret (`const [key, value] = entry`, `entry[0]`).
 */
export function elementOf(iterated: Value): Value {
  const element = taintOnly(deepTaints(iterated));
  return iterated.entryPairs && element.taints ? { ...element, splitSecret: true, headIsName: true } : element;
}
