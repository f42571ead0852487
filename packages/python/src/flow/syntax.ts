import type { PyNode as SyntaxNode } from './tree.js';

/** `a.b.c` for an identifier or a chain of attributes, else undefined. */
export function dottedName(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type !== 'attribute') return undefined;
  const object = dottedName(node.childForFieldName('object'));
  const attribute = node.childForFieldName('attribute')?.text;
  return object !== undefined && attribute ? `${object}.${attribute}` : undefined;
}

/** The last name of a dotted callee: `logger.info` -> `info`. */
export function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

export function isAsync(fn: SyntaxNode): boolean {
  return fn.text.startsWith('async');
}

/** Unwraps `@decorator def f` and `(expr)`. */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (;;) {
    if (n.type === 'decorated_definition') n = n.childForFieldName('definition') ?? n;
    else if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1) n = n.namedChildren[0]!;
    else return n;
  }
}

export interface Parameter {
  name: string;
  node: SyntaxNode;
  /** The annotation's text with spaces removed and `typing.`/`cog.` dropped. */
  annotation?: string;
  annotationNode?: SyntaxNode;
  defaultNode?: SyntaxNode;
  kind: 'plain' | 'args' | 'kwargs';
}

export function parametersOf(fn: SyntaxNode): Parameter[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const out: Parameter[] = [];
  for (const p of params.namedChildren) {
    if (p.type === 'identifier') {
      out.push({ name: p.text, node: p, kind: 'plain' });
      continue;
    }
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      const id = p.namedChildren[0];
      if (id) out.push({ name: id.text, node: id, kind: p.type === 'list_splat_pattern' ? 'args' : 'kwargs' });
      continue;
    }
    if (p.type !== 'typed_parameter' && p.type !== 'default_parameter' && p.type !== 'typed_default_parameter') continue;
    const nameNode = p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier' || c.type.endsWith('splat_pattern'));
    if (!nameNode) continue;
    const splat = nameNode.type === 'list_splat_pattern' ? 'args' : nameNode.type === 'dictionary_splat_pattern' ? 'kwargs' : 'plain';
    const id = splat === 'plain' ? nameNode : nameNode.namedChildren[0];
    if (!id) continue;
    const type = p.childForFieldName('type');
    const param: Parameter = { name: id.text, node: id, kind: splat };
    if (type) {
      param.annotationNode = type;
      param.annotation = normaliseAnnotation(type.text);
    }
    const value = p.childForFieldName('value');
    if (value) param.defaultNode = value;
    out.push(param);
  }
  return out;
}

export function normaliseAnnotation(text: string): string {
  return text.replace(/\s+/g, '').replace(/\b(?:cog|typing|t|pydantic)\./g, '').replace(/^["']|["']$/g, '');
}

/** Positional and keyword arguments of a call, splats kept apart. */
export interface Arguments {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  splats: SyntaxNode[];
}

export function argumentsOf(call: SyntaxNode): Arguments {
  const out: Arguments = { positional: [], keywords: new Map(), splats: [] };
  const list = call.childForFieldName('arguments');
  if (!list) return out;
  if (list.type === 'generator_expression') {
    out.positional.push(list);
    return out;
  }
  for (const arg of list.namedChildren) {
    if (arg.type === 'comment') continue;
    if (arg.type === 'keyword_argument') {
      const name = arg.childForFieldName('name')?.text;
      const value = arg.childForFieldName('value');
      if (name && value) out.keywords.set(name, value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      const inner = arg.namedChildren[0];
      if (inner) out.splats.push(inner);
    } else out.positional.push(arg);
  }
  return out;
}

/** The content of a plain string literal as written (escapes kept): `r"abc"` -> `abc`. */
export function literalContent(text: string): string {
  const quote = text.search(/["']/);
  if (quote === -1) return '';
  const body = text.slice(quote);
  const delimiter = body.startsWith('"""') || body.startsWith("'''") ? body.slice(0, 3) : body[0]!;
  const end = body.endsWith(delimiter) && body.length >= delimiter.length * 2 ? body.length - delimiter.length : body.length;
  return body.slice(delimiter.length, end);
}
