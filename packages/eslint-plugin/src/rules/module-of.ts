// Which module a name of the file comes from, through ESLint's scope analysis.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, calleeName, moduleName, type ModuleOf } from './literal-syntax.js';

type Definition = TSESLint.Scope.Definition;

/**
 * `jwt` of `import jwt from 'jsonwebtoken'` is `jsonwebtoken`, `createHmac` of `import { createHmac } from
 * 'node:crypto'` is `crypto.createHmac`, `JwtStrategy` of `require('passport-jwt').Strategy` is
 * `passport-jwt.Strategy`; other names have no module.
 */
export function moduleResolver(sourceCode: Readonly<TSESLint.SourceCode>): ModuleOf {
  return (identifier) => {
    for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (!variable) continue;
      const definition = variable.defs[0];
      return definition ? importedFrom(definition) : undefined;
    }
    return undefined;
  };
}

function importedFrom(definition: Definition): string | undefined {
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent as TSESTree.ImportDeclaration;
    const module = moduleName(declaration.source.value);
    const node = definition.node as TSESTree.Node;
    if (node.type !== 'ImportSpecifier') return module;
    const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
    return `${module}.${imported}`;
  }
  if (definition.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  // `require('x')` and `require('x').y` spell themselves with the module's name.
  const init = declarator.id.type === AST_NODE_TYPES.Identifier ? declarator.init : null;
  return init && (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.MemberExpression) && isRequire(init) ? calleeName(init) : undefined;
}

function isRequire(node: TSESTree.Node): boolean {
  while (node.type === AST_NODE_TYPES.MemberExpression) node = node.object;
  return node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require';
}
