import type * as TS from 'typescript';
import { namesParserError, namesSecretsOrCandidates, splitWords } from '@secret-hygiene/core';
import type { Engine } from './engine.js';
import { squash } from './tables.js';

/**
 * Counter-evidence that a bare `token` (names.yaml: ambiguous) is not a credential (flows.md, "Telling secret names
 * from names about secrets"): a lexer token (its members, where it comes from, what it is compared with) or a
 * pagination cursor (the query or response field it goes to or comes from). All word lists are
 * `ambiguousNames` in rules/flows.yaml. Judged once per declaration, only for bindings that reached a sink.
 */
export function notCredential(e: Engine, decl: TS.Node): boolean {
  let memo = verdicts.get(e.sf);
  if (!memo) verdicts.set(e.sf, (memo = new Map()));
  let verdict = memo.get(decl);
  if (verdict === undefined) {
    verdict = new Evidence(e).ofDeclaration(decl);
    memo.set(decl, verdict);
  }
  return verdict;
}

const verdicts = new WeakMap<TS.SourceFile, Map<TS.Node, boolean>>();

/**
 * `handleLLMNewToken(token) {…}`, `onNewToken: (token) => …`: a callback handed each token a model generates, whose
 * `token` is text even when declared as a string.
 */
export function isStreamHandler(e: Engine, fn: TS.Node): boolean {
  const ts = e.ts;
  let name: string | undefined;
  if (ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) name = fn.name && e.syntax.propertyName(fn.name);
  if (name === undefined && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
    const holder = fn.parent;
    if (ts.isPropertyAssignment(holder) || ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder)) name = e.syntax.propertyName(holder.name);
  }
  return name !== undefined && e.tables.ambiguous.streamHandlers.has(squash(name));
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

class Evidence {
  private readonly ts: typeof TS;
  private readonly t: Engine['tables']['ambiguous'];
  constructor(private readonly e: Engine) {
    this.ts = e.ts;
    this.t = e.tables.ambiguous;
  }

  ofDeclaration(decl: TS.Node): boolean {
    const ts = this.ts;
    if (!ts.isIdentifier(decl)) return false;
    const name = decl.text;
    const holder = decl.parent;
    if (this.declaredNonString(decl, holder)) return true;
    if (ts.isVariableDeclaration(holder)) {
      if (holder.initializer && this.tokenExpression(holder.initializer)) return true;
      const list = holder.parent;
      const loop = ts.isVariableDeclarationList(list) ? list.parent : undefined;
      if (loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && (this.tokenCollection(loop.expression) || !this.namesCredentials(loop.expression))) return true;
    }
    if (ts.isBindingElement(holder) && this.paginationElement(holder)) return true;
    if (ts.isParameter(holder) && this.tokenCallback(holder)) return true;
    const scope = this.scopeOf(decl);
    let found = false;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isIdentifier(node) && node.text === name && node !== decl && this.tokenUse(node)) {
        found = true;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return found;
  }

  /** `token: Token`, a checker that knows it is an object: not a string, so not a credential. */
  private declaredNonString(decl: TS.Identifier, holder: TS.Node): boolean {
    const ts = this.ts;
    const type = (ts.isParameter(holder) || ts.isVariableDeclaration(holder)) && holder.name === decl ? holder.type : undefined;
    if (type) return !this.stringish(type);
    return this.e.types?.isKnownNonString(decl) ?? false;
  }

  private stringish(type: TS.TypeNode): boolean {
    const ts = this.ts;
    const k = type.kind;
    const SK = this.ts.SyntaxKind;
    if (k === SK.StringKeyword || k === SK.AnyKeyword || k === SK.UnknownKeyword) return true;
    if (ts.isUnionTypeNode(type)) return type.types.some((t) => this.stringish(t));
    if (ts.isLiteralTypeNode(type)) return ts.isStringLiteral(type.literal);
    if (ts.isParenthesizedTypeNode(type)) return this.stringish(type.type);
    return ts.isTemplateLiteralTypeNode(type);
  }

  private scopeOf(node: TS.Node): TS.Node {
    for (let n = node.parent; n; n = n.parent) if (this.ts.isFunctionLike(n) || this.ts.isSourceFile(n)) return n;
    return this.e.sf;
  }

  private unwrap(x: TS.Expression): TS.Expression {
    const ts = this.ts;
    let n = this.e.syntax.unwrap(x);
    while (ts.isAwaitExpression(n) || ts.isNonNullExpression(n)) n = this.e.syntax.unwrap(n.expression);
    return n;
  }

  /** The last name of `a.b.tokens`, `this.lexer`, `tokens`. */
  private lastName(x: TS.Expression): string | undefined {
    const ts = this.ts;
    const n = this.unwrap(x);
    if (ts.isIdentifier(n)) return n.text;
    if (ts.isPropertyAccessExpression(n)) return n.name.text;
    if (ts.isCallExpression(n)) return this.lastName(n.expression);
    return undefined;
  }

  private lastWord(name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    const words = splitWords(name);
    return words[words.length - 1];
  }

  private isTokenArray(x: TS.Expression): boolean {
    const name = this.lastName(x);
    // The whole name: `accessTokens[i]` is a list of credentials.
    return name !== undefined && this.t.tokenArrays.has(squash(name));
  }

  private isTokenReceiver(x: TS.Expression): boolean {
    const name = this.lastName(x);
    return name !== undefined && (this.t.tokenReceivers.has(squash(name)) || this.t.tokenReceivers.has(this.lastWord(name) ?? ''));
  }

  private isTokenCallee(name: string): boolean {
    return this.t.tokenCalls.has(squash(name)) || this.t.tokenCalls.has(this.lastWord(name) ?? '');
  }

  private isPaginationKey(name: string): boolean {
    return this.t.paginationKeys.has(squash(name));
  }

  /**
   * An iterable whose own name (or its receiver's, for a call) says it holds credentials: `apiTokens`,
   * `process.env.TOKENS.split(',')`, `secrets.values()`. A credential is not walked piece by piece out of anything
   * else (`for await (const token of stream)`, `for (const token of line.split(' '))`).
   */
  private namesCredentials(x: TS.Expression): boolean {
    const ts = this.ts;
    let n = this.unwrap(x);
    while (ts.isCallExpression(n) || ts.isElementAccessExpression(n)) {
      const inner = this.unwrap(n.expression);
      n = ts.isCallExpression(n) && ts.isPropertyAccessExpression(inner) ? this.unwrap(inner.expression) : inner;
    }
    const dotted = this.e.syntax.dotted(n);
    if (dotted === undefined) return true;
    const parts = dotted.split('.').filter((part) => part !== 'this');
    if (parts.length === 0) return true;
    if ([...this.e.tables.envObjects].some((env) => dotted === env || dotted.startsWith(`${env}.`))) return true;
    if (parts.some((part) => this.e.tables.secretMappings.has(part) || part === 'env')) return true;
    return namesSecretsOrCandidates((name) => this.e.names.classify(name), parts[parts.length - 1]!);
  }

  /** `chunk.choices[0].delta.content`, `event.delta`: a piece of a model's streamed output. */
  private streamRead(x: TS.Expression): boolean {
    const ts = this.ts;
    for (let n = this.unwrap(x); ; ) {
      if (ts.isPropertyAccessExpression(n)) {
        if (this.t.streamMembers.has(n.name.text)) return true;
      } else if (!ts.isElementAccessExpression(n)) return false;
      n = this.unwrap(n.expression);
    }
  }

  /** `text.split(' ')`, `input.match(re)`: words cut out of text named as such. */
  private textPieces(x: TS.Expression): boolean {
    const ts = this.ts;
    const n = this.unwrap(x);
    if (!ts.isCallExpression(n)) return false;
    const callee = this.unwrap(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || !this.t.splitCalls.has(callee.name.text)) return false;
    const name = this.lastName(callee.expression);
    return name !== undefined && (this.t.textReceivers.has(squash(name)) || this.t.textReceivers.has(this.lastWord(name) ?? ''));
  }

  /** `tokens[i]`, `lexer.next()`, `this.peek()`, `tokens.shift()`, `scanner.token`, `page.nextToken`. */
  tokenExpression(x: TS.Expression): boolean {
    const ts = this.ts;
    const n = this.unwrap(x);
    if (ts.isElementAccessExpression(n)) return this.isTokenArray(n.expression) || this.textPieces(n.expression) || this.streamRead(n);
    if (ts.isConditionalExpression(n)) return this.tokenExpression(n.whenTrue) || this.tokenExpression(n.whenFalse);
    if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === this.e.SK.BarBarToken || op === this.e.SK.QuestionQuestionToken || op === this.e.SK.EqualsToken) return this.tokenExpression(n.left) || this.tokenExpression(n.right);
      return false;
    }
    if (ts.isPropertyAccessExpression(n)) return this.isPaginationKey(n.name.text) || this.isTokenReceiver(n.expression) || this.isTokenArray(n.expression) || this.streamRead(n);
    if (ts.isCallExpression(n)) {
      const callee = this.unwrap(n.expression);
      if (ts.isIdentifier(callee)) return this.isTokenCallee(callee.text);
      if (ts.isPropertyAccessExpression(callee)) {
        return this.isTokenCallee(callee.name.text) || this.isTokenReceiver(callee.expression) || this.isTokenArray(callee.expression);
      }
    }
    return false;
  }

  /** `for (const token of tokens)`, `of lexer.tokenize(src)`, `of tokenize(src)`. */
  private tokenCollection(x: TS.Expression): boolean {
    return this.isTokenArray(x) || this.tokenExpression(x);
  }

  /** `const { nextToken: token } = page`, `const { token } = await client.listItems()`. */
  private paginationElement(element: TS.BindingElement): boolean {
    const ts = this.ts;
    const key = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.propertyName && ts.isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
    if (key !== undefined && this.isPaginationKey(key)) return true;
    let root: TS.Node = element;
    while (ts.isBindingElement(root) || ts.isObjectBindingPattern(root) || ts.isArrayBindingPattern(root)) root = root.parent;
    if (!ts.isVariableDeclaration(root) || !root.initializer) return false;
    return this.listCall(root.initializer, 0);
  }

  /** `client.listItems()`, `await api.paginate(...)`, or a name bound to one. */
  private listCall(x: TS.Expression, depth: number): boolean {
    const ts = this.ts;
    const n = this.unwrap(x);
    if (ts.isCallExpression(n)) {
      const name = this.lastName(n.expression);
      const first = name === undefined ? undefined : splitWords(name)[0];
      return first !== undefined && this.t.listCallWords.has(first);
    }
    if (ts.isIdentifier(n) && depth < 2) {
      const init = this.initializerOf(n);
      return init !== undefined && this.listCall(init, depth + 1);
    }
    return false;
  }

  private initializerOf(id: TS.Identifier): TS.Expression | undefined {
    const ts = this.ts;
    const scope = this.scopeOf(id);
    let init: TS.Expression | undefined;
    const visit = (node: TS.Node): void => {
      if (init) return;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === id.text && node.initializer) {
        init = node.initializer;
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(scope);
    return init;
  }

  /** `tokens.forEach((token) => …)`, `tokenizer.on('token', (token) => …)`, `new Tokenizer({ onToken(token) {} })`. */
  private tokenCallback(param: TS.ParameterDeclaration): boolean {
    const ts = this.ts;
    if (isStreamHandler(this.e, param.parent)) return true;
    let n: TS.Node = param.parent;
    for (let hops = 0; hops < 4 && n; hops++) {
      const parent = n.parent;
      if (!parent) return false;
      if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(n as TS.Expression)) {
        const callee = this.unwrap(parent.expression);
        if (ts.isPropertyAccessExpression(callee)) return this.isTokenReceiver(callee.expression) || this.isTokenArray(callee.expression) || this.isTokenCallee(callee.name.text);
        if (ts.isIdentifier(callee)) return this.isTokenCallee(callee.text) || this.isTokenReceiver(callee);
        return false;
      }
      if (ts.isObjectLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) {
        n = parent;
        continue;
      }
      if (ts.isObjectLiteralExpression(n)) {
        n = parent;
        continue;
      }
      return false;
    }
    return false;
  }

  /** One reference to the binding that shows a lexer token or a pagination cursor. */
  private tokenUse(ref: TS.Identifier): boolean {
    const ts = this.ts;
    const p = ref.parent;
    if (this.parserMessage(ref)) return true;
    if ((ts.isPropertyAccessExpression(p) && p.expression === ref) || (ts.isElementAccessExpression(p) && p.expression === ref && ts.isStringLiteral(p.argumentExpression))) {
      const member = ts.isPropertyAccessExpression(p) ? p.name.text : (p.argumentExpression as TS.StringLiteral).text;
      return this.t.tokenMembers.has(member);
    }
    if (ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) && p.name === ref) return false;
    if (ts.isBinaryExpression(p)) {
      const op = p.operatorToken.getText(this.e.sf);
      if (EQUALITY.has(op)) return this.kindLike(p.left === ref ? p.right : p.left);
      if (op === '=' && p.left === ref) return this.tokenExpression(p.right);
      if (op === '+' && p.right === ref) return this.paginationPrefix(p.left);
      return false;
    }
    if (ts.isSwitchStatement(p) && p.expression === ref) {
      return p.caseBlock.clauses.some((c) => ts.isCaseClause(c) && this.kindLike(c.expression));
    }
    if (ts.isPropertyAssignment(p) && p.initializer === ref) {
      const key = this.e.syntax.propertyName(p.name);
      return key !== undefined && this.isPaginationKey(key);
    }
    if (ts.isCallExpression(p) && p.arguments.indexOf(ref) > 0) {
      const first = p.arguments[0]!;
      return ts.isStringLiteralLike(first) && this.isPaginationKey(first.text);
    }
    if (ts.isTemplateSpan(p) && p.expression === ref) {
      const template = p.parent;
      const i = template.templateSpans.indexOf(p);
      const before = i === 0 ? template.head.text : template.templateSpans[i - 1]!.literal.text;
      return this.paginationText(before);
    }
    return false;
  }

  /** Part of the message of a parser's error: `new SyntaxError('Unexpected token ' + token)`. */
  private parserMessage(ref: TS.Node): boolean {
    const ts = this.ts;
    let n: TS.Node = ref;
    for (let hops = 0; hops < 6; hops++) {
      const p = n.parent;
      if (!p) return false;
      if (ts.isNewExpression(p) || ts.isCallExpression(p)) {
        if (!p.arguments?.includes(n as TS.Expression)) return false;
        const name = this.lastName(p.expression);
        return name !== undefined && namesParserError(this.t, name);
      }
      if (!(ts.isBinaryExpression(p) || ts.isTemplateSpan(p) || ts.isTemplateExpression(p) || ts.isParenthesizedExpression(p))) return false;
      n = p;
    }
    return false;
  }

  /** `'?pageToken=' + token`. */
  private paginationPrefix(x: TS.Expression): boolean {
    const n = this.unwrap(x);
    if (this.ts.isStringLiteralLike(n)) return this.paginationText(n.text);
    if (this.ts.isBinaryExpression(n)) return this.paginationPrefix(n.right);
    return false;
  }

  /** Text that ends in a query parameter naming a cursor: `…&pageToken=`. */
  private paginationText(text: string): boolean {
    const m = /([A-Za-z_]+)=$/.exec(text);
    return m !== null && this.isPaginationKey(m[1]!);
  }

  /** `'('`, `'if'`, `TokenType.LParen`, `SyntaxKind.Identifier`, `tt.parenL`. */
  private kindLike(x: TS.Expression): boolean {
    const ts = this.ts;
    const n = this.unwrap(x);
    if (ts.isStringLiteralLike(n)) return !this.t.notKeywords.has(n.text) && this.t.comparedLiterals.some((r) => r.test(n.text));
    if (ts.isPropertyAccessExpression(n)) {
      const name = this.lastName(n.expression);
      const word = this.lastWord(name);
      return word !== undefined && this.t.kindEnumWords.has(word);
    }
    return false;
  }
}
