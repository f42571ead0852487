import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis, Frame } from './context.js';
import { evaluate } from './expressions.js';
import { dottedName } from './syntax.js';
import { setKeyed } from './statements.js';
import { type Value, join } from './values.js';

/**
 * Something stored into an object (`headers["Authorization"] = key`, `parts.append(key)`, `self.cfg.token = key`):
 * the object now carries it, so printing the object prints the secret.
 */
export function storeInto(a: Analysis, f: Frame, target: SyntaxNode | null, stored: Value): void {
  if (!target || (!stored.taint && !stored.held && !stored.secretObject)) return;
  if (target.type === 'identifier') {
    const old = f.env.lookup(target.text);
    if (old?.ref || old?.instance || old?.sealed) return;
    f.env.set(target.text, { ...join([old, stored]), ...(old?.str !== undefined ? {} : {}) });
    return;
  }
  if (target.type === 'subscript') {
    // `filenames["CHECKPOINTS"].append(name)`, `cfg["auth"]["token"] = key`: the container below holds it now.
    const inner = target.childForFieldName('value');
    const keyNode = target.childForFieldName('subscript');
    const old = inner ? evaluate(a, { ...f, reporting: false }, inner) : undefined;
    const key = old?.keyed && keyNode ? evaluate(a, { ...f, reporting: false }, keyNode) : undefined;
    if (old?.keyed && key?.complete && key.str !== undefined && setKeyed(a, f, inner, old, key.str, join([old.keyed.get(key.str), stored]))) return;
    storeInto(a, f, inner, stored);
    return;
  }
  if (target.type === 'attribute') {
    const object = evaluate(a, { ...f, reporting: false }, target.childForFieldName('object'));
    const attr = target.childForFieldName('attribute')?.text;
    if (object.instance && attr) {
      const old = object.instance.fields.get(attr);
      if (old?.ref) return;
      object.instance.fields.set(attr, join([old, stored]));
      return;
    }
    // `session.headers["Authorization"] = …` on an object of a library: the attribute's path holds it from now on.
    const path = dottedName(target);
    if (path !== undefined) {
      f.env.set(path, join([f.env.lookup(path), stored]));
      // `self.session.headers` outlives the method: other methods of the class read it too.
      if (f.cls && path.startsWith('self.')) f.cls.fields.set(path.slice(5), join([f.cls.fields.get(path.slice(5)), stored]));
    }
  }
}
