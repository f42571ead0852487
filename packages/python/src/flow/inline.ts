import type { PyNode as SyntaxNode } from './tree.js';
import { type Analysis, Env, type Frame } from './context.js';
import { runBody } from './statements.js';
import { isAsync, parametersOf } from './syntax.js';
import type { CallFacts } from './transport.js';
import { CLEAN, OPAQUE, type Value, join, withStep } from './values.js';

const MAX_DEPTH = 4;

/**
 * Follows a call into a function of this file with the arguments' values: sinks inside report the caller's
 * secret, and the result carries what the function returns. Results are reused per function and arguments.
 */
export function inline(a: Analysis, f: Frame, fn: SyntaxNode, call: CallFacts, self: Value | undefined): Value {
  const name = fn.childForFieldName('name')?.text ?? 'function';
  if (f.depth >= MAX_DEPTH || a.inlining.has(fn.id) || a.budget <= 0) return OPAQUE;
  const owner = a.methodOwner.get(fn.id);
  const params = parametersOf(fn);
  const env = new Env(a.module);
  const bound: string[] = [];
  let index = 0;
  const passed = (value: Value | undefined): Value => {
    if (!value) return OPAQUE;
    const out = { ...value };
    if (value.taint) out.taint = withStep(value.taint, call.node, `passed to ${name}()`)!;
    return out;
  };
  const positional = [...call.positional];
  const keywords = new Map(call.keywords);
  const rest = join(call.splats);
  params.forEach((param, i) => {
    if (i === 0 && owner && !a.staticMethods.has(fn.id)) {
      env.set(param.name, self ?? { instance: owner });
      return;
    }
    let value: Value | undefined;
    if (param.kind === 'args') value = join(positional.splice(index));
    else if (param.kind === 'kwargs') value = { ...join([...keywords.values()]), keyed: new Map(keywords) };
    else if (keywords.has(param.name)) {
      value = keywords.get(param.name);
      keywords.delete(param.name);
    } else if (index < positional.length) value = positional[index++];
    else if (call.splats.length > 0) value = fromSplats(call.splats, param.name, rest);
    const bind = passed(value);
    env.set(param.name, bind);
    bound.push(`${param.name}:${bind.taint?.label ?? ''}:${bind.secretObject ? 's' : ''}${bind.held ? 'h' : ''}${bind.ref ?? ''}`);
  });
  const key = `${fn.id}|${f.reporting ? 1 : 0}|${bound.join(',')}`;
  const cached = a.inlined.get(key);
  if (cached) return cached;
  a.budget--;
  a.inlining.add(fn.id);
  const frame: Frame = { env, fn, isAsync: isAsync(fn), returns: [], reporting: f.reporting, depth: f.depth + 1, nested: [] };
  if (owner) frame.cls = owner;
  try {
    runBody(a, frame, fn.childForFieldName('body'));
  } finally {
    a.inlining.delete(fn.id);
  }
  let result = frame.returns.length === 0 ? CLEAN : returned(frame.returns, call.node, name);
  if (frame.superInit) result = { ...result, initMessage: frame.superInit };
  a.inlined.set(key, result);
  return result;
}

function returned(values: Value[], at: SyntaxNode, name: string): Value {
  let out: Value = values.length === 1 ? values[0]! : values.reduce((acc, v) => ({ ...join([acc, v]) }), {} as Value);
  if (out.taint) out = { ...out, taint: withStep(out.taint, at, `returned by ${name}()`)! };
  return out;
}

/**
 * A parameter filled from `*args`/`**kwargs` at the call: a `**` mapping whose keys are known gives the parameter
 * its own entry (or nothing, so its default applies); otherwise any splat may fill it.
 */
function fromSplats(splats: readonly Value[], name: string, rest: Value): Value | undefined {
  if (!splats.every((s) => s.keyed)) return rest;
  for (const splat of splats) {
    const entry = splat.keyed!.get(name);
    if (entry) return entry;
  }
  return undefined;
}
