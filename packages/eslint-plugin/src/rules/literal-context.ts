// The name a literal is stored under, read from where it is written: what the token detector classifies it by.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, keyName, placeOf, stringValue, targetName } from './literal-syntax.js';

const EQUALITY = new Set(['===', '==', '!==', '!=']);

/**
 * The key of the object a property sits in, when that object is itself a property value or a variable's value:
 * `auth` for `pass` in `{ auth: { user: 'bob', pass: '…' } }`. It can qualify an ambiguous name (`auth` + `pass`).
 */
export function enclosingKey(literal: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(literal);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== child) return undefined;
  const object = parent.parent;
  const holder = object?.parent;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || !holder) return undefined;
  if (holder.type === AST_NODE_TYPES.Property && holder.value === object) return keyName(holder.key, holder.computed);
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === object) return targetName(holder.id);
  return undefined;
}

/**
 * The name a literal is stored under, when the code gives it one: a variable, property, class field, parameter
 * default, JSX attribute, the other side of an equality test (`password === '...'`), the key passed just before
 * it (`headers.set('Authorization', '...')`) or paired with it (`['apiKey', '...']`). The token detector uses it
 * for secrets that have no telltale prefix.
 */
export function contextualName(literal: TSESTree.Node): string | undefined {
  const { child, parent } = placeOf(literal);
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
