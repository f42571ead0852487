import type { SyntaxNode, Tree } from './loader.js';
import type { PythonSpan } from './types.js';

/** Where a node sits: 1-based lines and columns in UTF-16 units (web-tree-sitter parses JS strings as UTF-16). */
export function span(node: SyntaxNode): PythonSpan {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

export function firstArgument(call: SyntaxNode): SyntaxNode | undefined {
  const arg = call.childForFieldName('arguments')?.namedChildren[0];
  return arg && arg.type !== 'keyword_argument' ? arg : undefined;
}

/** Node types the extractors look at; attributes and identifiers are filtered by text (see collect). */
const INTERESTING = new Set([
  'subscript', 'call', 'comparison_operator', 'string', 'concatenated_string', 'function_definition',
  'import_statement', 'import_from_statement', 'assignment', 'binary_operator', 'attribute', 'identifier',
]);

/** Every node of a type we care about, in source order, through one cursor walk. */
export function collect(tree: Tree): Map<string, SyntaxNode[]> {
  const found = new Map<string, SyntaxNode[]>();
  const cursor = tree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      // Attributes and identifiers are everywhere; only short ones that may name os.environ or a secrets mapping matter.
      const wanted = type === 'attribute' || type === 'identifier' ? cursor.endIndex - cursor.startIndex <= 64 && /environ$|secrets$/i.test(cursor.nodeText) : INTERESTING.has(type);
      if (wanted) {
        const list = found.get(type) ?? [];
        list.push(cursor.currentNode);
        found.set(type, list);
      }
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return found;
      }
    }
  } finally {
    cursor.delete();
  }
}

