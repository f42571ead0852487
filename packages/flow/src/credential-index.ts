// What the credential checks read of a file: its literals, where names and members are declared, written and read
// in it, and the modules its names stand for.
import type * as TS from 'typescript';

/**
 * One walk over a file that keeps its string literals, the declarations of its names with their scopes, the
 * writes to names and members, the reads of names and members where a credential API can take them, and the
 * local names of modules. Literals are followed from here to where they are read (`throughVariable`,
 * `throughMember`).
 */
export class FileIndex {
  readonly literals: Array<TS.StringLiteral | TS.NoSubstitutionTemplateLiteral> = [];
  /** The reads of names where a credential API can take them, the declarations of names and the writes to them. */
  private readonly uses = new Map<string, TS.Identifier[]>();
  private readonly declarations = new Map<string, Array<{ id: TS.Identifier; scope: TS.Node }>>();
  private readonly writes = new Map<string, TS.Identifier[]>();
  /**
   * Member reads where a credential API can take them (`jwt.sign(p, this.key)`, `config.auth.key`) and member
   * writes (`config.key = …`), by the last member's name.
   */
  private readonly memberUses = new Map<string, TS.PropertyAccessExpression[]>();
  private readonly memberWrites = new Map<string, TS.PropertyAccessExpression[]>();
  /** Local names of modules: `jwt` of `import jwt from 'jsonwebtoken'`, `JwtStrategy` of `require('passport-jwt').Strategy`. */
  private readonly modules = new Map<string, string>();

  constructor(
    readonly ts: typeof TS,
    readonly sf: TS.SourceFile,
    private readonly nestingKeys: ReadonlySet<string>,
  ) {
    const K = ts.SyntaxKind;
    this.kinds = {
      StringLiteral: K.StringLiteral,
      NoSubstitutionTemplateLiteral: K.NoSubstitutionTemplateLiteral,
      Identifier: K.Identifier,
      ImportDeclaration: K.ImportDeclaration,
      VariableDeclaration: K.VariableDeclaration,
      TypeReference: K.TypeReference,
      PropertyAccessExpression: K.PropertyAccessExpression,
      PropertyAssignment: K.PropertyAssignment,
    };
    this.forEachChild = ts.forEachChild;
    this.collect(sf);
  }

  private collect(node: TS.Node): void {
    // Every node of the file passes here: kinds are compared as numbers (each `ts.isX` is a getter call on the
    // typescript module first).
    const kind = node.kind;
    const k = this.kinds;
    if (kind === k.StringLiteral || kind === k.NoSubstitutionTemplateLiteral) this.literals.push(node as TS.StringLiteral);
    else if (kind === k.Identifier) this.noteIdentifier(node as TS.Identifier);
    else if (kind === k.PropertyAccessExpression) this.noteMember(node as TS.PropertyAccessExpression);
    else if (kind === k.ImportDeclaration) this.noteImport(node as TS.ImportDeclaration);
    else if (kind === k.VariableDeclaration) {
      const declaration = node as TS.VariableDeclaration;
      if (declaration.name.kind === k.Identifier && declaration.initializer) this.noteRequire((declaration.name as TS.Identifier).text, declaration.initializer);
    }
    this.forEachChild(node, this.visit);
  }
  private readonly visit = (child: TS.Node): void => this.collect(child);
  private readonly forEachChild: typeof TS.forEachChild;
  private readonly kinds: Record<'StringLiteral' | 'NoSubstitutionTemplateLiteral' | 'Identifier' | 'ImportDeclaration' | 'VariableDeclaration' | 'TypeReference' | 'PropertyAccessExpression' | 'PropertyAssignment', number>;
  private noteIdentifier(id: TS.Identifier): void {
    const ts = this.ts;
    const parent = id.parent;
    // Most identifiers are member names (`x.name`) or types: never a variable read or written.
    const k = this.kinds;
    if (parent.kind === k.TypeReference || ((parent.kind === k.PropertyAccessExpression || parent.kind === k.PropertyAssignment) && (parent as TS.PropertyAccessExpression).name === id)) return;
    const name = id.text;
    if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isBindingElement(parent)) && parent.name === id) {
      push(this.declarations, name, { id, scope: scopeOfDeclaration(ts, parent) });
      return;
    }
    if (ts.isBinaryExpression(parent) && parent.left === id && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) push(this.writes, name, id);
    if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && parent.operand === id) push(this.writes, name, id);
    // Only a read where a credential API can take it matters (an argument, an option, an assigned value, or one of
    // those through `as`, `!`, parentheses or a fallback): the rest of a file's names are not kept.
    const at = this.placeOf(id).parent;
    if (!(ts.isCallExpression(at) || ts.isNewExpression(at) || ts.isPropertyAssignment(at) || ts.isBinaryExpression(at))) return;
    push(this.uses, name, id);
  }
  private noteMember(member: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    const parent = member.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === member) return; // only whole chains
    const name = member.name.text;
    if (ts.isBinaryExpression(parent) && parent.left === member && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      push(this.memberWrites, name, member);
      return;
    }
    const at = this.placeOf(member).parent;
    if (ts.isCallExpression(at) || ts.isNewExpression(at) || ts.isPropertyAssignment(at) || ts.isBinaryExpression(at)) push(this.memberUses, name, member);
  }
  private noteImport(node: TS.ImportDeclaration): void {
    const ts = this.ts;
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = moduleName(node.moduleSpecifier.text);
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name) this.modules.set(clause.name.text, module);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.modules.set(bindings.name.text, module);
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) this.modules.set(e.name.text, `${module}.${(e.propertyName ?? e.name).text}`);
  }
  /** `const jwt = require('jsonwebtoken')`, `const Strategy = require('passport-jwt').Strategy`. */
  private noteRequire(name: string, init: TS.Expression): void {
    const ts = this.ts;
    let x: TS.Expression = init;
    const members: string[] = [];
    while (ts.isPropertyAccessExpression(x)) {
      members.unshift(x.name.text);
      x = x.expression;
    }
    if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && ts.isStringLiteral(x.arguments[0])) {
      this.modules.set(name, [moduleName(x.arguments[0].text), ...members].join('.'));
    }
  }
  /** Where a literal stands once wrappers that leave it alone (`as const`, `?? 'x'`, parentheses) are stepped over. */
  placeOf(node: TS.Node): { child: TS.Node; parent: TS.Node } {
    const ts = this.ts;
    let child = node;
    let parent = node.parent;
    for (;;) {
      const transparent =
        ts.isAsExpression(parent) ||
        ts.isSatisfiesExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isTypeAssertionExpression(parent) ||
        ts.isParenthesizedExpression(parent) ||
        (ts.isBinaryExpression(parent) && parent.right === child && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) ||
        (ts.isConditionalExpression(parent) && parent.condition !== child);
      if (!transparent) return { child, parent };
      child = parent;
      parent = parent.parent;
    }
  }
  /**
   * The calls an options object is handed to as an argument, directly or through the variable it is stored in, and
   * the nesting key it sits under in an outer options object (`{ auth: { … } }`); undefined under any other key.
   */
  callsTaking(object: TS.Node): { calls: Array<TS.CallExpression | TS.NewExpression>; nestedIn?: string } | undefined {
    const ts = this.ts;
    let nestedIn: string | undefined;
    let holder = object.parent;
    if (ts.isPropertyAssignment(holder) && holder.initializer === object) {
      nestedIn = propertyName(ts, holder.name);
      if (nestedIn === undefined || !this.nestingKeys.has(nestedIn)) return undefined;
      object = holder.parent;
      holder = object.parent;
    }
    const uses = ts.isVariableDeclaration(holder) && holder.initializer === object ? this.usesOf(holder) : [object];
    const calls = uses.flatMap((use) => {
      const call = use.parent;
      return (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.includes(use as TS.Expression) ? [call] : [];
    });
    return { calls, nestedIn };
  }
  /** `const secretKey = '…'; jwt.sign(payload, secretKey)`: what `find` says of a read of the one variable a literal initialises. */
  throughVariable(literal: TS.Node, find: (use: TS.Node) => string | undefined): string | undefined {
    const { child, parent } = this.placeOf(literal);
    if (!this.ts.isVariableDeclaration(parent) || parent.initializer !== child) return undefined;
    for (const use of this.usesOf(parent)) {
      const api = find(use);
      if (api !== undefined) return api;
    }
    return undefined;
  }
  /**
   * `this.key = '…'` or a class field `key = '…'` read as `this.key` in the same class, or `const config = { auth:
   * { key: '…' } }` read as `config.auth.key`: what `find` says of such a read, when nothing else writes the member.
   */
  throughMember(literal: TS.Node, find: (use: TS.Node) => string | undefined): string | undefined {
    const held = this.memberHolding(literal);
    if (!held) return undefined;
    const { path, reads } = held;
    const last = path.at(-1)!;
    const same = (member: TS.PropertyAccessExpression) => reads(member) && this.memberPath(member)?.join('.') === path.join('.');
    if ((this.memberWrites.get(last) ?? []).some((w) => w !== held.written && same(w))) return undefined;
    for (const use of this.memberUses.get(last) ?? []) {
      if (!same(use)) continue;
      const api = find(use);
      if (api !== undefined) return api;
    }
    return undefined;
  }
  /**
   * The member a literal is stored in, as the path it is read by (`this.key`, `config.auth.key`), and which reads
   * refer to the same holder: `this` in the same class, the same variable in its scope.
   */
  private memberHolding(literal: TS.Node): { path: string[]; reads: (member: TS.PropertyAccessExpression) => boolean; written?: TS.Node } | undefined {
    const ts = this.ts;
    const { child, parent } = this.placeOf(literal);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === child && ts.isPropertyAccessExpression(parent.left)) {
      const path = this.memberPath(parent.left);
      const cls = enclosingClass(ts, parent);
      if (path?.[0] !== 'this' || path.length !== 2 || !cls) return undefined;
      return { path, reads: (m) => enclosingClass(ts, m) === cls, written: parent.left };
    }
    if (ts.isPropertyDeclaration(parent) && parent.initializer === child && ts.isIdentifier(parent.name) && ts.isClassLike(parent.parent)) {
      const cls = parent.parent;
      const isStatic = parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false;
      if (isStatic) return cls.name ? { path: [cls.name.text, parent.name.text], reads: (m) => within(m, this.sf) } : undefined;
      return { path: ['this', parent.name.text], reads: (m) => enclosingClass(ts, m) === cls };
    }
    // `const config = { auth: { key: '…' } }`: the keys from the variable down to the literal.
    const keys: string[] = [];
    let node: TS.Node = child;
    let holder: TS.Node = parent;
    while (ts.isPropertyAssignment(holder) && holder.initializer === node) {
      const key = propertyName(ts, holder.name);
      if (key === undefined) return undefined;
      keys.unshift(key);
      node = holder.parent;
      ({ child: node, parent: holder } = this.placeOf(node));
    }
    if (keys.length === 0 || !ts.isVariableDeclaration(holder) || holder.initializer !== node || !ts.isIdentifier(holder.name)) return undefined;
    const visible = this.visibility(holder);
    return visible ? { path: [holder.name.text, ...keys], reads: visible } : undefined;
  }
  /** `this.a.b` as `['this', 'a', 'b']`, or undefined when a link is computed or called. */
  private memberPath(member: TS.Expression): string[] | undefined {
    const ts = this.ts;
    const names: string[] = [];
    let node: TS.Expression = member;
    while (ts.isPropertyAccessExpression(node)) {
      names.unshift(node.name.text);
      node = node.expression;
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) names.unshift('this');
    else if (ts.isIdentifier(node)) names.unshift(node.text);
    else return undefined;
    return names;
  }
  /**
   * The reads of a variable in its scope, when nothing but its declaration assigns it there: a declaration of the
   * same name in an inner scope (a parameter, a block's `const`) shadows it, one in the same scope makes it unknown.
   */
  usesOf(declaration: TS.VariableDeclaration): TS.Node[] {
    const visible = this.visibility(declaration);
    return visible && this.ts.isIdentifier(declaration.name) ? (this.uses.get(declaration.name.text) ?? []).filter(visible) : [];
  }
  /**
   * Whether a node lies where a variable's name refers to it: its scope, less inner scopes that shadow it. Undefined
   * when the variable is unknown: declared twice in one scope, or assigned after its declaration.
   */
  private visibility(declaration: TS.VariableDeclaration): ((node: TS.Node) => boolean) | undefined {
    if (!this.ts.isIdentifier(declaration.name)) return undefined;
    const name = declaration.name.text;
    const all = this.declarations.get(name) ?? [];
    const own = all.find((d) => d.id === declaration.name);
    if (!own) return undefined;
    const others = all.filter((d) => d !== own);
    if (others.some((d) => d.scope === own.scope)) return undefined;
    const shadows = others.filter((d) => within(d.scope, own.scope)).map((d) => d.scope);
    const inScope = (node: TS.Node) => within(node, own.scope) && !shadows.some((s) => within(node, s));
    if ((this.writes.get(name) ?? []).some(inScope)) return undefined;
    return inScope;
  }
  /** A callee as written and as spelled with the module its first name comes from. */
  calleeNames(callee: TS.Expression): string[] {
    const written = this.calleeName(callee, false);
    const resolved = this.calleeName(callee, true);
    const names: string[] = [];
    if (written !== undefined) names.push(written);
    if (resolved !== undefined && resolved !== written) names.push(resolved);
    return names;
  }
  calleeName(callee: TS.Expression, resolve: boolean): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(callee)) return (resolve ? this.modules.get(callee.text) : undefined) ?? callee.text;
    if (ts.isPropertyAccessExpression(callee)) {
      const object = this.calleeName(callee.expression, resolve);
      return object === undefined ? undefined : `${object}.${callee.name.text}`;
    }
    if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.arguments[0] && ts.isStringLiteral(callee.arguments[0])) {
      return moduleName(callee.arguments[0].text);
    }
    return undefined;
  }
}

function push<T>(map: Map<string, T[]>, name: string, item: T): void {
  const list = map.get(name);
  if (list) list.push(item);
  else map.set(name, [item]);
}

/** The class a member of `this` belongs to: the nearest class around the node, through arrow functions only. */
function enclosingClass(ts: typeof TS, node: TS.Node): TS.ClassLikeDeclaration | undefined {
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isClassLike(up)) return up;
    if (ts.isFunctionDeclaration(up) || ts.isFunctionExpression(up)) return undefined;
  }
  return undefined;
}

function within(node: TS.Node, scope: TS.Node): boolean {
  return node.pos >= scope.pos && node.end <= scope.end;
}

/**
 * The node a declared name is visible in: a parameter's function; a `var`'s function (or the file); a `let`,
 * `const`, class or function declaration's block.
 */
function scopeOfDeclaration(ts: typeof TS, declaration: TS.Node): TS.Node {
  let node = declaration;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  if (ts.isParameter(node) || ts.isCatchClause(node.parent)) return node.parent;
  const blockScoped = ts.isVariableDeclaration(node) ? (node.parent.flags & ts.NodeFlags.BlockScoped) !== 0 : true;
  for (let up = node.parent; up; up = up.parent) {
    if (ts.isFunctionLike(up) || ts.isSourceFile(up) || ts.isClassStaticBlockDeclaration(up) || ts.isModuleBlock(up)) return up;
    if (blockScoped && (ts.isBlock(up) || ts.isCaseBlock(up) || ts.isForStatement(up) || ts.isForInStatement(up) || ts.isForOfStatement(up))) return up;
  }
  return node.getSourceFile();
}

export function propertyName(ts: typeof TS, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) return name.expression.text;
  return undefined;
}

function moduleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}
