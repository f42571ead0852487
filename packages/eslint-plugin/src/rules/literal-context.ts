import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

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

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return key.name;
  return stringValue(key);
}

/** `apiKey`, `this.apiKey`, `config['api_key']`: the name an assignment target gives its value. */
function targetName(target: TSESTree.Node): string | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return target.name;
  if (target.type === AST_NODE_TYPES.MemberExpression) return keyName(target.property, target.computed);
  return undefined;
}

const EQUALITY = new Set(['===', '==', '!==', '!=']);

/**
 * The name a literal is stored under, when the code gives it one: a variable, property, class field, parameter
 * default, JSX attribute, the other side of an equality test (`password === '...'`), the key passed just before
 * it (`headers.set('Authorization', '...')`) or paired with it (`['apiKey', '...']`). The token detector uses it
 * for secrets that have no telltale prefix.
 */
export function contextualName(literal: TSESTree.Node): string | undefined {
  let child: TSESTree.Node = literal;
  let parent = literal.parent;
  while (parent && isTransparent(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child ? targetName(parent.id) : undefined;
    case AST_NODE_TYPES.Property:
      return parent.value === child ? keyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.value === child ? keyName(parent.key, parent.computed) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child ? targetName(parent.left) : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === child ? targetName(parent.left) : undefined;
    case AST_NODE_TYPES.JSXAttribute:
      return parent.name.type === AST_NODE_TYPES.JSXIdentifier ? parent.name.name : undefined;
    case AST_NODE_TYPES.BinaryExpression: {
      if (!EQUALITY.has(parent.operator)) return undefined;
      const other = parent.left === child ? parent.right : parent.left;
      return targetName(other);
    }
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
      return index > 0 ? stringValue(parent.arguments[index - 1]) : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression:
      // A `[name, value]` entry: `new Headers([['Authorization', '…']])`, `new Map([['apiKey', '…']])`.
      return parent.elements.length === 2 && parent.elements[1] === child ? stringValue(parent.elements[0]) : undefined;
    default:
      return undefined;
  }
}
