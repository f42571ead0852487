import { ts } from 'ts-morph';

/** Checker look-ups the analysis needs, always on demand: a call's target, a module's exports. */
export class Symbols {
  private readonly moduleSymbols = new Map<ts.SourceFile, Map<string, ts.Symbol | undefined>>();
  private readonly moduleExports = new Map<ts.Symbol, Map<string, ts.Symbol>>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The symbol a name refers to, through imports, re-exports and aliases. */
  resolve(node: ts.Node): ts.Symbol | undefined {
    let symbol: ts.Symbol | undefined;
    try {
      symbol = this.checker.getSymbolAtLocation(node);
    } catch {
      return undefined;
    }
    return symbol ? this.unalias(symbol) : undefined;
  }

  unalias(symbol: ts.Symbol): ts.Symbol {
    if (!(symbol.flags & ts.SymbolFlags.Alias)) return symbol;
    try {
      return this.checker.getAliasedSymbol(symbol);
    } catch {
      return symbol;
    }
  }

  /** The function-like declarations a call may run: `f()`, `obj.method()`, `this.client.send()`. */
  calleeDeclarations(call: ts.CallExpression | ts.NewExpression): ts.Node[] {
    let callee: ts.Expression = call.expression;
    while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee) || ts.isAsExpression(callee)) callee = callee.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    if (!name) return [];
    const symbol = this.resolve(name);
    return (symbol?.declarations ?? []).map(functionNodeOf).filter((n): n is ts.Node => n !== undefined);
  }

  /** The module `specifier` names in `from`'s imports (or `require` calls), as the program resolved it. */
  moduleSymbol(from: ts.SourceFile, specifier: string): ts.Symbol | undefined {
    let table = this.moduleSymbols.get(from);
    if (!table) {
      table = new Map();
      for (const literal of moduleSpecifiers(from)) {
        if (!table.has(literal.text)) table.set(literal.text, this.resolve(literal));
      }
      this.moduleSymbols.set(from, table);
    }
    if (!table.has(specifier)) {
      // A `require` or `import()` inside a function: looked for once per file, on the first miss.
      for (const literal of nestedModuleSpecifiers(from)) if (!table.has(literal.text)) table.set(literal.text, this.resolve(literal));
      if (!table.has(specifier)) table.set(specifier, undefined);
    }
    return table.get(specifier);
  }

  /** The declaration behind export `name` of a module (`default`, `export =` for CommonJS). */
  exportDeclaration(module: ts.Symbol, name: string): ts.Declaration | undefined {
    const exports = this.exportsOf(module);
    const symbol = exports.get(name) ?? (name === 'default' ? exports.get('export=') : undefined);
    return symbol ? this.declarationOf(symbol) : undefined;
  }

  /** Where an exported symbol is declared, through re-exports; `export default process.env.X` is an alias of
   * something outside the program, so its own declaration counts. */
  declarationOf(symbol: ts.Symbol): ts.Declaration | undefined {
    return this.unalias(symbol).declarations?.[0] ?? symbol.declarations?.[0];
  }

  exportsOf(module: ts.Symbol): Map<string, ts.Symbol> {
    const cached = this.moduleExports.get(module);
    if (cached) return cached;
    const out = new Map<string, ts.Symbol>();
    this.moduleExports.set(module, out);
    try {
      for (const s of this.checker.getExportsOfModule(module)) out.set(s.getName(), s);
      const exportEquals = module.exports?.get('export=' as ts.__String);
      if (exportEquals) out.set('export=', exportEquals);
    } catch {
      // An unresolvable module shape: nothing known.
    }
    return out;
  }

  /** The source file a module symbol stands for, when it is one of the program's files. */
  static fileOf(module: ts.Symbol): ts.SourceFile | undefined {
    const declaration = module.valueDeclaration ?? module.declarations?.[0];
    return declaration && ts.isSourceFile(declaration) ? declaration : undefined;
  }
}

/** The node the engine keys a function's summary by. */
export function functionNodeOf(declaration: ts.Node): ts.Node | undefined {
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration) || ts.isGetAccessorDeclaration(declaration) || ts.isConstructorDeclaration(declaration)) return declaration;
  if (ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) return declaration;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    let init = declaration.initializer;
    while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
    return ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : undefined;
  }
  return undefined;
}

/** String literals naming modules: imports, re-exports, `import('x')`, and top-level `require('x')`. */
function moduleSpecifiers(file: ts.SourceFile): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
      out.push(statement.moduleSpecifier);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteralLike(init.arguments[0])) {
          out.push(init.arguments[0]);
        }
      }
    }
  }
  return out;
}

/** `require('x')` and `import('x')` anywhere in the file. */
function nestedModuleSpecifiers(file: ts.SourceFile): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) out.push(node.arguments[0]!);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
