// Reading where a literal stands in ESLint's tree: wrappers it sits in, the names and callees around it.
import type { AST_NODE_TYPES as NodeType, TSESTree } from '@typescript-eslint/utils';

// The node types the literal rules test, as typed constants: a value import of AST_NODE_TYPES would load the whole of
// @typescript-eslint/utils, ESLint's own classes included (a second ESLint copy under an ESLint 9 run).
export const AST_NODE_TYPES = {
  AccessorProperty: 'AccessorProperty' as NodeType.AccessorProperty,
  ArrayExpression: 'ArrayExpression' as NodeType.ArrayExpression,
  AssignmentExpression: 'AssignmentExpression' as NodeType.AssignmentExpression,
  AssignmentPattern: 'AssignmentPattern' as NodeType.AssignmentPattern,
  BinaryExpression: 'BinaryExpression' as NodeType.BinaryExpression,
  CallExpression: 'CallExpression' as NodeType.CallExpression,
  ConditionalExpression: 'ConditionalExpression' as NodeType.ConditionalExpression,
  Identifier: 'Identifier' as NodeType.Identifier,
  JSXAttribute: 'JSXAttribute' as NodeType.JSXAttribute,
  JSXIdentifier: 'JSXIdentifier' as NodeType.JSXIdentifier,
  Literal: 'Literal' as NodeType.Literal,
  LogicalExpression: 'LogicalExpression' as NodeType.LogicalExpression,
  MemberExpression: 'MemberExpression' as NodeType.MemberExpression,
  NewExpression: 'NewExpression' as NodeType.NewExpression,
  ObjectExpression: 'ObjectExpression' as NodeType.ObjectExpression,
  PrivateIdentifier: 'PrivateIdentifier' as NodeType.PrivateIdentifier,
  Property: 'Property' as NodeType.Property,
  PropertyDefinition: 'PropertyDefinition' as NodeType.PropertyDefinition,
  TSAsExpression: 'TSAsExpression' as NodeType.TSAsExpression,
  TSNonNullExpression: 'TSNonNullExpression' as NodeType.TSNonNullExpression,
  TSSatisfiesExpression: 'TSSatisfiesExpression' as NodeType.TSSatisfiesExpression,
  TSTypeAssertion: 'TSTypeAssertion' as NodeType.TSTypeAssertion,
  VariableDeclarator: 'VariableDeclarator' as NodeType.VariableDeclarator,
} as const;

/** Wrappers that leave a literal's meaning alone: `'x' as const`, `'x'!`, `process.env.KEY ?? 'x'`. */
function isTransparent(node: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return node.right === child;
    case AST_NODE_TYPES.ConditionalExpression:
      return node.test !== child;
    default:
      return false;
  }
}

export function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

export function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return stringValue(key);
}

/** `apiKey`, `this.apiKey`, `config['api_key']`: the name an assignment target gives its value. */
export function targetName(target: TSESTree.Node): string | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return keyName(target.property, target.computed);
  return undefined;
}

/** Where a literal stands once wrappers that leave it alone (`as const`, `?? 'x'`) are stepped over. */
export function placeOf(literal: TSESTree.Node): { child: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let child: TSESTree.Node = literal;
  let parent = literal.parent;
  while (parent && isTransparent(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  return { child, parent };
}
