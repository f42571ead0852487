import type { SyntaxNode } from './loader.js';

/**
 * The value of a Python string literal when it is fully static (no f-string interpolation), else undefined.
 * Escape sequences are kept as written: the names we look for (env vars, secret names, paths) never need them.
 */
export function staticString(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      const value = staticString(part);
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const child of node.namedChildren) {
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') out += child.text;
  }
  return out;
}

/** The static text before the first interpolation of a string or f-string (`f"/secrets/{x}"` -> `/secrets/`). */
export function stringPrefix(node: SyntaxNode): string {
  let out = '';
  for (const child of node.namedChildren) {
    if (child.type === 'interpolation') break;
    if (child.type === 'string_content') out += child.text;
  }
  return out;
}
