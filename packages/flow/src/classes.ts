import type * as TS from 'typescript';
import { seedByName } from './bindings.js';
import type { Engine, FunctionFrame } from './engine.js';
import type { FunctionSummary } from './summary.js';
import { analyzeFunction, entryPointOf, isRouteMethod, newFunction } from './functions.js';
import { CLEAN, deepTaints, join, taintOnly, withStep, type ClassInfo, type FunctionInfo, type Value } from './value.js';
import { inBlock } from './walker.js';

/**
 * Analyses a class: field initialisers, constructor, then methods. When a method stored a secret in a field that
 * was read before, the methods that read it then (and those that used their summaries) are analysed once more.
 */
export function walkClass(e: Engine, node: TS.ClassLikeDeclaration): ClassInfo {
  const ts = e.ts;
  const cls: ClassInfo = {
    name: node.name?.text ?? 'anonymous class',
    node,
    fields: new Map(),
    methods: new Map(),
    stale: false,
    readFields: new Set(),
    members: new Set(),
    memberReads: new Map(),
    memberUses: new Map(),
    changedAt: new Map(),
    clock: 0,
    isError: isErrorClass(e, node),
    ownView: definesOwnView(e, node),
    fieldsFromParams: new Map(),
  };
  // Static factories (`static fromEnv() { return new Client(…) }`) name the class inside its own body.
  if (ts.isClassDeclaration(node) && node.name) e.scope.declare({ name: node.name.text, value: { cls }, owner: e.frame.info, decl: node.name });
  const savedClass = e.frame.thisClass;
  const order: FunctionInfo[] = [];
  e.frame.thisClass = cls;
  for (const m of node.members) {
    const name = e.syntax.propertyName(m.name);
    if (ts.isConstructorDeclaration(m) && m.body) {
      const info = newFunction(e, m, `${cls.name} constructor`, false, cls);
      cls.methods.set('constructor', info);
      order.unshift(info);
    } else if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) && m.body && name !== undefined) {
      const entry = entryPointOf(e, m, name, true, false) || (ts.isMethodDeclaration(m) && isRouteMethod(e, m));
      const info = newFunction(e, m, name, entry, cls);
      if (!ts.isSetAccessorDeclaration(m)) cls.methods.set(name, info);
      order.push(info);
    } else if (ts.isPropertyDeclaration(m) && name !== undefined && m.initializer) {
      const init = e.syntax.unwrap(m.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
        const info = newFunction(e, init, name, entryPointOf(e, init, name, true, false), cls);
        cls.methods.set(name, info);
        order.push(info);
      } else {
        const value = e.evaluate(m.initializer);
        cls.fields.set(name, seedByName(e, name, value, { nameNode: m.name, init: m.initializer, type: m.type }));
      }
    } else if (ts.isClassStaticBlockDeclaration(m)) inBlock(e, m.body.statements);
  }
  for (const info of order) cls.members.add(info);
  for (const info of order) analyzeFunction(e, info);
  if (cls.stale) {
    cls.stale = false;
    reanalyse(e, cls, order);
  }
  e.frame.thisClass = savedClass;
  return cls;
}

/** Whether a field `info` read in its latest analysis changed after that read. */
function readStale(cls: ClassInfo, info: FunctionInfo): boolean {
  const reads = cls.memberReads.get(info);
  if (!reads) return false;
  for (const [field, at] of reads) if ((cls.changedAt.get(field) ?? -1) >= at) return true;
  return false;
}

function usesAny(cls: ClassInfo, info: FunctionInfo, changed: ReadonlySet<FunctionInfo>): boolean {
  const uses = cls.memberUses.get(info);
  if (!uses) return false;
  for (const used of uses) if (changed.has(used)) return true;
  return false;
}

/** What a summary tells callers, without the paths (a caller's results are kept per sink, first path wins). */
function summaryKey(s: FunctionSummary): string {
  const access = (a: readonly string[] | undefined) => (a ?? []).join('.');
  return JSON.stringify([
    s.paramSinks.map((p) => [p.param, access(p.access), p.ruleId, p.start, p.end, p.fileName, p.sinkLabel, p.fix?.start, p.fix?.text]),
    s.paramReturns.map((p) => [p.param, access(p.access)]),
    s.returnSources.map((r) => [r.label, r.byName, access(r.access)]),
    s.returnKind,
    s.paramRequests?.map((r) => [r.param, r.start, r.end, r.fileName, r.sinkLabel]),
    s.paramCalls?.map((c) => [c.param, c.arg, c.source?.label, c.source?.byName, c.from?.param, access(c.from?.access)]),
    s.returnText,
  ]);
}

function sameSummary(a: FunctionSummary | undefined, b: FunctionSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return a.returnClass === b.returnClass && summaryKey(a) === summaryKey(b);
}

/**
 * Analyses once more, in order, the members that read a field before it changed and those that use the summary of
 * a member whose summary changed on this pass; every other member would see the same fields and summaries again.
 * (As on a whole second pass, a member earlier in the order keeps what a later member's first summary told it.)
 */
function reanalyse(e: Engine, cls: ClassInfo, members: readonly FunctionInfo[]): void {
  const changed = new Set<FunctionInfo>();
  for (const info of members) {
    if (info.state === 'running' || (!readStale(cls, info) && !usesAny(cls, info, changed))) continue;
    const before = info.summary;
    info.state = 'new';
    cls.memberReads.delete(info);
    cls.memberUses.delete(info);
    analyzeFunction(e, info);
    if (!sameSummary(before, info.summary)) changed.add(info);
  }
}

/** The member of `cls` whose analysis is running innermost (closures inside a method count as the method). */
function currentMember(e: Engine, cls: ClassInfo): FunctionInfo | undefined {
  for (let f: FunctionFrame | undefined = e.frame; f; f = f.parent) if (f.info && cls.members.has(f.info)) return f.info;
  return undefined;
}

/** A summary of `fn` is about to be used: when both are members of one class, the user depends on it. */
export function noteSummaryUse(e: Engine, fn: FunctionInfo): void {
  const cls = fn.cls;
  if (!cls || !cls.members.has(fn)) return;
  const user = currentMember(e, cls);
  if (!user || user === fn) return;
  let uses = cls.memberUses.get(user);
  if (!uses) cls.memberUses.set(user, (uses = new Set()));
  uses.add(fn);
}

/** Names of the hooks through which a class decides what `JSON.stringify`, `String()` and `util.inspect` show. */
const VIEW_HOOKS = /^(?:toJSON|toString|\[(?:[\w.]*inspect\.custom|Symbol\.for\(['"]nodejs\.util\.inspect\.custom['"]\))\])$/;

function definesOwnView(e: Engine, node: TS.ClassLikeDeclaration): boolean {
  return node.members.some((m) => m.name !== undefined && (e.ts.isMethodDeclaration(m) || e.ts.isPropertyDeclaration(m)) && VIEW_HOOKS.test(m.name.getText(e.sf)));
}

function isErrorClass(e: Engine, node: TS.ClassLikeDeclaration): boolean {
  const heritage = node.heritageClauses?.find((h) => h.token === e.SK.ExtendsKeyword)?.types[0];
  if (!heritage) return false;
  const base = e.syntax.dotted(heritage.expression);
  if (base === undefined) return false;
  const local = e.scope.lookup(base)?.value.cls;
  if (local) return local.isError;
  return e.isErrorName(base.slice(base.lastIndexOf('.') + 1));
}

/**
 * `new C(process.env.KEY)`: fields that keep a constructor argument now hold its secret, so the methods that read
 * them are analysed once more (only when a secret really arrives, which is rare).
 */
export function constructWith(e: Engine, cls: ClassInfo, args: readonly Value[], call: TS.Node): void {
  const ctor = cls.methods.get('constructor');
  if (ctor) storeArguments(e, cls, ctor, args, call, `passed to new ${cls.name}`);
}

/** `client.setKey(process.env.KEY)`: the fields the method keeps its parameters in now hold the secret. */
export function callMemberWith(e: Engine, cls: ClassInfo, member: FunctionInfo, args: readonly Value[], call: TS.Node): void {
  if (member !== cls.methods.get('constructor')) storeArguments(e, cls, member, args, call, `passed to ${member.name}`);
}

function storeArguments(e: Engine, cls: ClassInfo, member: FunctionInfo, args: readonly Value[], call: TS.Node, note: string): void {
  const fields = cls.fieldsFromParams.get(member);
  if (!fields) return;
  let changed = false;
  for (const [field, sources] of fields) {
    for (const { param, access } of sources) {
      const arg = args[param];
      let part = arg;
      for (const key of access ?? []) part = part?.props?.get(key) ?? (part ? taintOnly(deepTaints(part)) : undefined);
      const taints = part ? deepTaints(part)?.filter((t) => t.origin.kind !== 'param') : undefined;
      if (!part || !taints || taints.length === 0) continue;
      // The argument keeps its shape (`this.cfg.region` stays clean when only `cfg.key` is secret).
      const stored = withStep(part, e.loc(call, `${note}, stored in this.${field}`));
      cls.fields.set(field, join(cls.fields.get(field) ?? CLEAN, stored));
      cls.changedAt.set(field, cls.clock++);
      changed = true;
    }
  }
  if (!changed || reanalysing.has(cls)) return;
  reanalysing.add(cls);
  reanalyse(e, cls, [...cls.methods.values()].filter((info) => info !== member && info !== cls.methods.get('constructor')));
  reanalysing.delete(cls);
}

const reanalysing = new WeakSet<ClassInfo>();

/** `this.x` read: what the class stored there (and, per member, when it read it, for a second pass). */
export function readField(e: Engine, cls: ClassInfo, name: string): Value | undefined {
  cls.readFields.add(name);
  const member = currentMember(e, cls);
  if (member) {
    let reads = cls.memberReads.get(member);
    if (!reads) cls.memberReads.set(member, (reads = new Map()));
    if (!reads.has(name)) reads.set(name, cls.clock++);
  }
  return cls.fields.get(name);
}

export function writeField(cls: ClassInfo, name: string, value: Value): void {
  for (const t of deepTaints(value) ?? []) {
    const origin = t.origin;
    if (origin.kind !== 'param' || !cls.members.has(origin.fn)) continue;
    let fields = cls.fieldsFromParams.get(origin.fn);
    if (!fields) cls.fieldsFromParams.set(origin.fn, (fields = new Map()));
    const list = fields.get(name) ?? [];
    const access = origin.access;
    if (!list.some((f) => f.param === origin.index && (f.access ?? []).join('.') === (access ?? []).join('.'))) list.push({ param: origin.index, ...(access ? { access } : {}) });
    fields.set(name, list);
  }
  const before = cls.fields.get(name);
  const next = before ? join(before, value) : value;
  cls.fields.set(name, next);
  if (!cls.readFields.has(name) || next === before) return;
  cls.changedAt.set(name, cls.clock++);
  if ((deepTaints(next)?.length ?? 0) > (deepTaints(before ?? CLEAN)?.length ?? 0)) cls.stale = true;
}
