import type { SyntaxNode } from './loader.js';
import { staticString } from './strings.js';
import { span } from './syntax.js';
import type { PythonSecretRead } from './types.js';

/** `Secret`, `cog.Secret`, `Optional[Secret]`, `Secret | None`, `list[Secret]`: how a Cog parameter holds a secret. */
export function secretAnnotation(text: string): PythonSecretRead['annotation'] {
  const t = text.replace(/\s+/g, '').replace(/\b(?:cog|typing)\./g, '').replace(/^["']|["']$/g, '');
  if (t === 'Secret') return 'Secret';
  if (t === 'Optional[Secret]' || t === 'Secret|None' || t === 'None|Secret' || t === 'Union[Secret,None]') return 'Optional[Secret]';
  if (/^(?:list|List|Sequence)\[Secret\]$/.test(t)) return 'list[Secret]';
  return undefined;
}

/** `= "x"`, `= Input(default="x")`, `= Input(default=None)`. */
export function describeDefault(value: SyntaxNode | null, read: PythonSecretRead): void {
  if (!value) return;
  let target: SyntaxNode | null = value;
  if (value.type === 'call') {
    target = null;
    for (const arg of value.childForFieldName('arguments')?.namedChildren ?? []) {
      if (arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'default') target = arg.childForFieldName('value');
    }
  }
  if (!target) return;
  if (target.type === 'none') read.optional = true;
  const text = staticString(target);
  if (text !== undefined) read.stringDefault = { value: text, ...span(target) };
}
