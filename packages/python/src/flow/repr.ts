import type { Analysis, Frame } from './context.js';
import { inline } from './inline.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Taint, Value } from './values.js';

/**
 * What printing a value shows: its own secret, or for an instance of a class of this file, what its `__str__` or
 * `__repr__` returns (`return f"Client(key={self.api_key})"`).
 */
export function printedTaint(a: Analysis, f: Frame, value: Value, at: SyntaxNode): Taint | undefined {
  if (value.taint || !value.instance) return value.taint;
  const cls = value.instance;
  const method = cls.methods.get('__str__') ?? cls.methods.get('__repr__');
  if (!method) return undefined;
  const shown = inline(a, f, method, { node: at, canonical: undefined, written: `${cls.name}.__repr__`, receiver: value, method: '__repr__', positional: [], keywords: new Map(), splats: [] }, value);
  return shown.taint;
}
