import type * as TS from 'typescript';
import { seedByName } from './bindings.js';
import type { Engine } from './engine.js';
import { analyzeFunction, entryPointOf, newFunction } from './functions.js';
import { CLEAN, deepTaints, join, taintOnly, withStep, type ClassInfo, type FunctionInfo, type Value } from './value.js';
import { inBlock } from './walker.js';

/** Analyses a class: field initialisers, constructor, then methods; once more if a method stored a secret in a field an earlier one read. */
export function walkClass(e: Engine, node: TS.ClassLikeDeclaration): ClassInfo {
  const ts = e.ts;
  const cls: ClassInfo = { name: node.name?.text ?? 'anonymous class', node, fields: new Map(), methods: new Map(), stale: false, readFields: new Set(), isError: isErrorClass(e, node), fieldsFromConstructor: new Map() };
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
      const info = newFunction(e, m, name, entryPointOf(e, m, name, true, false), cls);
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
  for (const info of order) analyzeFunction(e, info);
  if (cls.stale) {
    cls.stale = false;
    for (const info of order) {
      info.state = 'new';
      analyzeFunction(e, info);
    }
  }
  e.frame.thisClass = savedClass;
  return cls;
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
  let changed = false;
  for (const [field, sources] of cls.fieldsFromConstructor) {
    for (const { param, access } of sources) {
      const arg = args[param];
      let part = arg;
      for (const key of access ?? []) part = part?.props?.get(key) ?? (part ? taintOnly(deepTaints(part)) : undefined);
      const taints = part ? deepTaints(part)?.filter((t) => t.origin.kind !== 'param') : undefined;
      if (!part || !taints || taints.length === 0) continue;
      // The argument keeps its shape (`this.cfg.region` stays clean when only `cfg.key` is secret).
      const stored = withStep(part, e.loc(call, `passed to new ${cls.name}, stored in this.${field}`));
      cls.fields.set(field, join(cls.fields.get(field) ?? CLEAN, stored));
      changed = true;
    }
  }
  if (!changed || reanalysing.has(cls)) return;
  reanalysing.add(cls);
  for (const [name, info] of cls.methods) {
    if (name === 'constructor' || info.state === 'running') continue;
    info.state = 'new';
    analyzeFunction(e, info);
  }
  reanalysing.delete(cls);
}

const reanalysing = new WeakSet<ClassInfo>();

/** `this.x` read: what the class stored there (and whether a later store must trigger a second pass). */
export function readField(cls: ClassInfo, name: string): Value | undefined {
  cls.readFields.add(name);
  return cls.fields.get(name);
}

export function writeField(cls: ClassInfo, name: string, value: Value): void {
  const ctor = cls.methods.get('constructor');
  for (const t of deepTaints(value) ?? []) {
    const origin = t.origin;
    if (origin.kind !== 'param' || origin.fn !== ctor) continue;
    const list = cls.fieldsFromConstructor.get(name) ?? [];
    const access = origin.access;
    if (!list.some((f) => f.param === origin.index && (f.access ?? []).join('.') === (access ?? []).join('.'))) list.push({ param: origin.index, ...(access ? { access } : {}) });
    cls.fieldsFromConstructor.set(name, list);
  }
  const before = cls.fields.get(name);
  const next = before ? join(before, value) : value;
  cls.fields.set(name, next);
  if (cls.readFields.has(name) && (deepTaints(next)?.length ?? 0) > (deepTaints(before ?? CLEAN)?.length ?? 0)) cls.stale = true;
}
