import type { PyNode as SyntaxNode } from './tree.js';

/** One step of a secret's path: a file, an offset in it, and what happened there. */
export interface Step {
  file: string;
  at: number;
  note: string;
}

export function stepAt(node: SyntaxNode, note: string): Step {
  return { file: node.file, at: node.startIndex, note };
}

/** A secret value on its way: where it came from (a name, never the value) and the path it took. */
export interface Taint {
  label: string;
  steps: readonly Step[];
  /** Only a bare `token`'s name says it is a secret: reported on logs and errors only (flows.yaml `ambiguousNames`). */
  ambiguous?: boolean;
  /** Made here for the caller by a minting call (`secrets.token_urlsafe`): theirs to receive, not to log. */
  minted?: boolean;
}

/** What the front end knows about the result of an expression. */
export interface Value {
  /** Carries characters of a secret. */
  taint?: Taint;
  /** A Cog `Secret` object: masked when printed, plaintext when returned (the runtime serialises it). */
  secretObject?: Taint;
  /** An object that holds a secret (a pydantic output, a client): only a serialised output shows it. */
  held?: Taint;
  /** A file opened under a secrets directory: reading it yields the secret. */
  secretFile?: Taint;
  /** Static text: the whole string when `complete`, else the part before the first unknown piece. */
  str?: string;
  complete?: boolean;
  /** The string literal a `complete` value was written as, followed through assignments: where it is reported. */
  literal?: SyntaxNode;
  /** All of the text when it is not `complete`, with `UNKNOWN_PART` for each part known only at run time. */
  shape?: string;
  /** A hash or HMAC object: what is stored into it never shows again. */
  sealed?: boolean;
  /** Made (in part) by a minting call and stored under a name: if the name makes it a secret, the caller's own. */
  minted?: boolean;
  /** Nothing is known about it (a parameter, an unknown call's result): a secret-looking name may decide. */
  opaque?: boolean;
  /** A special object the rules name. */
  ref?: Ref;
  /**
   * What a log call is reached through, by its canonical name (`print`, `sys.stdout`, `logging.info`): kept by
   * assignment, so `log = print; log(x)` and `out = sys.stdout; out.write(x)` are the log calls they stand for.
   */
  logs?: string;
  /** The entries of a dict literal or of `**kwargs` by static key, so `d["model"]` is not `d["token"]`. */
  keyed?: Map<string, Value>;
  /** A mapping's `.items()`: it yields (name, value) pairs, and only the values carry the taint. */
  entries?: boolean;
  /** The elements of a tuple or list literal, so `user, password = pair` binds each its own. */
  items?: Value[];
  /** A function or class defined in this file, for calls. */
  callable?: SyntaxNode;
  /** An instance of a class defined in this file (`self`). */
  instance?: ClassInfo;
  /** The result of running an `__init__`: what it passed to `super().__init__` (an exception's message). */
  initMessage?: Value;
}

export type Ref = 'environ' | 'secrets' | 'logger' | 'client' | 'module';

/** A class of the analysed file, with what its methods store on `self`. */
export interface ClassInfo {
  node: SyntaxNode;
  name: string;
  /** Last names of the base classes (`BasePredictor` for `cog.BasePredictor`). */
  bases: string[];
  methods: Map<string, SyntaxNode>;
  fields: Map<string, Value>;
  /** Methods whose return value goes back to the model's caller, and the platform that says so. */
  entryMethods: Map<string, string>;
  /** A data class (dataclass, pydantic model) whose printed form shows a secret-named field in clear. */
  printsSecret?: Taint;
}

export const CLEAN: Value = Object.freeze({});
export const OPAQUE: Value = Object.freeze({ opaque: true });

const MAX_STEPS = 12;

export function withStep(taint: Taint | undefined, node: SyntaxNode, note: string): Taint | undefined {
  if (!taint) return undefined;
  if (taint.steps.length >= MAX_STEPS) return taint;
  return { label: taint.label, steps: [...taint.steps, stepAt(node, note)], ...(taint.ambiguous ? { ambiguous: true } : {}) };
}

export function sourceTaint(label: string, node: SyntaxNode, note: string): Taint {
  return { label, steps: [stepAt(node, note)] };
}

/** The taint a value shows when printed or put into a message. */
export function shownTaint(value: Value | undefined): Taint | undefined {
  return value?.taint;
}

/** Joins what several values carry (a container, a concatenation, two branches). Static text is dropped. */
export function join(values: ReadonlyArray<Value | undefined>): Value {
  let out: Value | undefined;
  for (const v of values) {
    if (!v) continue;
    if (!v.taint && !v.secretObject && !v.held && !v.secretFile && !v.opaque) continue;
    out ??= {};
    out.taint ??= v.taint;
    out.secretObject ??= v.secretObject;
    out.held ??= v.held;
    out.secretFile ??= v.secretFile;
    if (v.opaque) out.opaque = true;
  }
  // Always a fresh object: callers add to it.
  return out ?? {};
}

/** Merges the bindings of two branches: a value secret on either branch stays secret after them. */
export function merge(a: Value | undefined, b: Value | undefined): Value {
  if (!a) return b ?? CLEAN;
  if (!b || a === b) return a;
  const joined = join([a, b]);
  if (a.ref && a.ref === b.ref) joined.ref = a.ref;
  // `kwargs.get("secrets") or {}`, `getLogger() if x else None`: a plain empty alternative leaves the object as it is.
  else if (a.ref && !b.ref && plainAlternative(b)) joined.ref = a.ref;
  else if (b.ref && !a.ref && plainAlternative(a)) joined.ref = b.ref;
  if (a.instance && a.instance === b.instance) joined.instance = a.instance;
  if (a.callable && a.callable === b.callable) joined.callable = a.callable;
  if (a.logs !== undefined && a.logs === b.logs) joined.logs = a.logs;
  // Made for the caller only if every way it was stored made it so.
  if (a.minted && b.minted) joined.minted = true;
  // A dict filled differently on two branches (`if x: kwargs["k"] = v`): each key holds what either branch put there.
  if (a.keyed && b.keyed) {
    const keyed = new Map(a.keyed);
    for (const [key, value] of b.keyed) keyed.set(key, merge(keyed.get(key), value));
    joined.keyed = keyed;
  }
  if (a.str !== undefined && a.str === b.str && a.complete && b.complete) {
    joined.str = a.str;
    joined.complete = true;
    if (a.literal === b.literal) joined.literal = a.literal;
  }
  return joined;
}

/** A container of these values: a dict, list or tuple shows all its items when printed. */
export function container(values: ReadonlyArray<Value | undefined>): Value {
  const joined = join(values);
  // A Secret inside a printed container is printed by its repr (masked); returned, it is serialised.
  if (joined.secretObject) joined.held ??= joined.secretObject;
  delete joined.secretObject;
  delete joined.secretFile;
  return joined;
}

/** A value that carries nothing: `None`, `{}`, `[]`, a literal. */
function plainAlternative(v: Value): boolean {
  return !v.taint && !v.opaque && !v.held && !v.secretObject && !v.secretFile && !v.instance && !v.callable && (!v.keyed || v.keyed.size === 0);
}
