import type { SyntaxNode } from './loader.js';

/** `os.environ["X"] = v`, `del os.environ["X"]`: writes, not reads. */
export function isWriteTarget(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === node.id) return true;
  if (parent.type === 'pattern_list' || parent.type === 'tuple_pattern') return isWriteTarget(parent);
  return parent.type === 'delete_statement';
}

const CATCHES_MISSING = /^(?:KeyError|LookupError|Exception|BaseException)$/;

/** A subscript that cannot raise: inside `try/except KeyError`, or under an `if` that tests the same name. */
export function isGuarded(node: SyntaxNode, name: string): boolean {
  const quoted = [`"${name}"`, `'${name}'`];
  for (let up = node.parent, child: SyntaxNode = node; up; child = up, up = up.parent) {
    if (up.type === 'try_statement' && up.childForFieldName('body')?.id === child.id) {
      const handlers = up.namedChildren.filter((c) => c.type === 'except_clause');
      if (handlers.some((h) => catchesMissing(h))) return true;
    }
    if (up.type === 'if_statement' || up.type === 'conditional_expression' || up.type === 'elif_clause') {
      const condition = up.type === 'conditional_expression' ? up.namedChildren[1] : up.childForFieldName('condition');
      if (condition && condition.id !== child.id && quoted.some((q) => condition.text.includes(q))) return true;
    }
    if (up.type === 'boolean_operator' && up.childForFieldName('right')?.id === child.id) {
      const left = up.childForFieldName('left');
      if (left && quoted.some((q) => left.text.includes(q))) return true;
    }
    if (up.type === 'function_definition' || up.type === 'class_definition') break;
  }
  return false;
}

function catchesMissing(handler: SyntaxNode): boolean {
  const caught = handler.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  if (!caught) return true; // bare `except:`
  const names = caught.type === 'as_pattern' ? caught.namedChildren[0] : caught;
  return (names?.text ?? '').split(/[\s(),]+/).filter(Boolean).some((n) => CATCHES_MISSING.test(n.replace(/^.*\./, '')));
}

