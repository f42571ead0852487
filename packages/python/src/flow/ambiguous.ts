import { namesParserError, namesSecretsOrCandidates } from '@secret-hygiene/core';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis } from './context.js';
import { squash } from './catalog.js';
import { dottedName, lastName, literalContent, unwrap } from './syntax.js';
import { wordsOf } from './words.js';

/**
 * A bare `token` (names.yaml: ambiguous) is a credential unless the function that uses it shows it is a lexer
 * token or a pagination cursor (flows.md, "Telling secret names from names about secrets"): `token.type`,
 * `tokens[i]`, `for token in tokenize.generate_tokens(...)`, `token == "("`, `list_items(page_token=token)`,
 * `token = resp["next_page_token"]`, or a file that imports a lexer module (`import tokenize`). The word lists are
 * `ambiguousNames` in rules/flows.yaml, shared with the TypeScript engine.
 */
export function isAmbiguousCredential(a: Analysis, name: string, node: SyntaxNode): boolean {
  const t = a.tables.ambiguous;
  if (!t.reportedNames.has(squash(name))) return false;
  const scope = scopeOf(node);
  let memo = verdicts.get(a);
  if (!memo) verdicts.set(a, (memo = new Map()));
  const key = `${scope.id}:${name}`;
  let verdict = memo.get(key);
  if (verdict === undefined) {
    verdict = !importsLexer(a) && !new Evidence(a, name).inScope(scope);
    memo.set(key, verdict);
  }
  return verdict;
}

/** Whether results of this taint go to `ruleId`: a bare `token` is reported on logs and errors only. */
export function reportsAmbiguous(a: Analysis, ruleId: string): boolean {
  return a.tables.ambiguous.reportedRules.has(ruleId);
}

const verdicts = new WeakMap<Analysis, Map<string, boolean>>();

/** Classes of lexer tokens: `Token` (ANTLR, many parsers), pygments' `_TokenType`, tokenize's `TokenInfo`. */
const TOKEN_CLASSES = ['Token', 'TokenType', '_TokenType', 'TokenInfo'];

/** The outermost function around the node (closures share their parameters), else the module. */
function scopeOf(node: SyntaxNode): SyntaxNode {
  let scope: SyntaxNode | undefined;
  let root = node;
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'lambda') scope = n;
    root = n;
  }
  return scope ?? root;
}

function importsLexer(a: Analysis): boolean {
  for (const m of a.imports.modules) if (a.tables.ambiguous.tokenModules.has(m)) return true;
  // `from pip._vendor.pygments.token import Error` (a vendored lexer), `from antlr4.Token import Token`,
  // `class Token:`: the file works with a lexer's token objects.
  for (const target of a.imports.targets()) {
    const parts = target.split('.');
    if (parts.slice(0, -1).some((p) => a.tables.ambiguous.tokenModules.has(p))) return true;
  }
  return TOKEN_CLASSES.some((name) => a.classes.has(name) || (a.imports.isImported(name) && !a.imports.isModule(name)));
}

class Evidence {
  private readonly t: Analysis['tables']['ambiguous'];
  constructor(
    private readonly a: Analysis,
    private readonly name: string,
  ) {
    this.t = a.tables.ambiguous;
  }

  inScope(scope: SyntaxNode): boolean {
    const stack: SyntaxNode[] = [scope];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'identifier' && n.text === this.name && this.tokenUse(n)) return true;
      stack.push(...n.children);
    }
    return false;
  }

  private stringText(node: SyntaxNode | null | undefined): string | undefined {
    if (!node) return undefined;
    const n = unwrap(node);
    if (n.type !== 'string' || n.children.some((c) => c.type === 'interpolation')) return undefined;
    return literalContent(n.text);
  }

  private isPaginationKey(name: string | undefined): boolean {
    return name !== undefined && this.t.paginationKeys.has(squash(name));
  }

  private lastWord(name: string): string {
    const words = wordsOf(name);
    return words[words.length - 1] ?? '';
  }

  private isTokenArray(node: SyntaxNode | null): boolean {
    const dotted = dottedName(node);
    return dotted !== undefined && this.t.tokenArrays.has(squash(lastName(dotted)));
  }

  private isTokenReceiver(node: SyntaxNode | null): boolean {
    const dotted = dottedName(node);
    if (dotted === undefined) return false;
    const last = lastName(dotted);
    return this.t.tokenReceivers.has(squash(last)) || this.t.tokenReceivers.has(this.lastWord(last)) || this.t.tokenReceivers.has(dotted.split('.')[0]!);
  }

  /** `tokens[i]`, `lexer.next()`, `tokenize.generate_tokens(...)`, `tokens.pop()`, `resp["next_page_token"]`. */
  private tokenExpression(node: SyntaxNode | null): boolean {
    if (!node) return false;
    const n = unwrap(node);
    if (n.type === 'await') return this.tokenExpression(n.namedChildren[0] ?? null);
    if (n.type === 'subscript') {
      const value = n.childForFieldName('value');
      if (this.isTokenArray(value) || this.isPaginationKey(this.stringText(n.childForFieldName('subscript')))) return true;
      if (this.textPieces(value) || this.streamRead(n)) return true;
      // `batch["input_ids"][0]`: an element of data named by a plain key, not a credential's field.
      return this.plainKeyed(n);
    }
    if (n.type === 'attribute') {
      const attr = n.childForFieldName('attribute')?.text ?? '';
      return this.isPaginationKey(attr) || this.isTokenReceiver(n.childForFieldName('object')) || this.streamRead(n);
    }
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const dotted = dottedName(fn);
      if (dotted === undefined) return false;
      const method = lastName(dotted);
      if (this.t.tokenCalls.has(squash(method)) || this.t.tokenCalls.has(this.lastWord(method))) return true;
      if (fn?.type === 'attribute') {
        const receiver = fn.childForFieldName('object');
        if (this.isTokenReceiver(receiver) || this.isTokenArray(receiver)) return true;
        // `resp.get("nextToken")`
        const first = n.childForFieldName('arguments')?.namedChildren[0];
        if (method === 'get' && this.isPaginationKey(this.stringText(first))) return true;
      }
      return false;
    }
    if (n.type === 'boolean_operator' || n.type === 'conditional_expression') return n.namedChildren.some((c) => this.tokenExpression(c));
    return false;
  }

  /** `chunk.choices[0].delta.content`, `event.delta`: a piece of a model's streamed output. */
  private streamRead(node: SyntaxNode): boolean {
    for (let n: SyntaxNode | null = unwrap(node); n; ) {
      if (n.type === 'attribute') {
        if (this.t.streamMembers.has(n.childForFieldName('attribute')?.text ?? '')) return true;
        n = n.childForFieldName('object');
      } else if (n.type === 'subscript') n = n.childForFieldName('value');
      else return false;
    }
    return false;
  }

  /** `text.split()`, `line.partition(' ')`, `re.match(p, text)` is left out: words cut out of text named as such. */
  private textPieces(node: SyntaxNode | null): boolean {
    if (!node) return false;
    const n = unwrap(node);
    if (n.type !== 'call') return false;
    const fn = n.childForFieldName('function');
    if (fn?.type !== 'attribute' || !this.t.splitCalls.has(fn.childForFieldName('attribute')?.text ?? '')) return false;
    const receiver = dottedName(fn.childForFieldName('object'));
    if (receiver === undefined) return false;
    const last = lastName(receiver);
    return this.t.textReceivers.has(squash(last)) || this.t.textReceivers.has(this.lastWord(last));
  }

  /** A parameter of `on_llm_new_token(self, token)`: a callback handed each generated token. */
  private streamHandlerParameter(ref: SyntaxNode): boolean {
    let n: SyntaxNode | null = ref.parent;
    if (n && n.type !== 'parameters') n = n.parent;
    if (n?.type !== 'parameters') return false;
    const fn = n.parent;
    if (fn?.type !== 'function_definition') return false;
    return this.t.streamHandlers.has(squash(fn.childForFieldName('name')?.text ?? ''));
  }

  /** A subscript chain with a string key naming plain data (`input_ids`, `text`), none naming a credential. */
  private plainKeyed(node: SyntaxNode): boolean {
    let plain = false;
    for (let n: SyntaxNode | null = node; n?.type === 'subscript'; n = n.childForFieldName('value')) {
      const key = this.stringText(n.childForFieldName('subscript'));
      if (key === undefined) continue;
      if (this.a.names.classify(key) !== 'no' || this.a.tables.credentialKeys.has(key.toLowerCase())) return false;
      plain = true;
    }
    return plain;
  }

  /** `client.list_items(...)`, `paginate(...)`. */
  private listCall(node: SyntaxNode | null): boolean {
    if (!node) return false;
    const n = unwrap(node);
    if (n.type === 'await') return this.listCall(n.namedChildren[0] ?? null);
    if (n.type !== 'call') return false;
    const dotted = dottedName(n.childForFieldName('function'));
    return dotted !== undefined && this.t.listCallWords.has(wordsOf(lastName(dotted))[0] ?? '');
  }

  /** `'('`, `"def"`, `tokenize.OP`, `TokenType.NAME`. */
  private kindLike(node: SyntaxNode): boolean {
    const n = unwrap(node);
    const text = this.stringText(n);
    if (text !== undefined) return !this.t.notKeywords.has(text) && this.t.comparedLiterals.some((r) => r.test(text));
    if (n.type === 'attribute') {
      const object = dottedName(n.childForFieldName('object'));
      if (object === undefined) return false;
      const last = lastName(object);
      return this.t.kindEnumWords.has(this.lastWord(last)) || this.t.tokenModules.has(object.split('.')[0]!);
    }
    return false;
  }

  /** Inside the `left` of `for … in X`, with X a collection of lexer tokens. */
  private loopTarget(ref: SyntaxNode): boolean {
    let n: SyntaxNode = ref;
    while (n.parent && (n.parent.type === 'pattern_list' || n.parent.type === 'tuple_pattern' || n.parent.type === 'list_pattern')) n = n.parent;
    const loop = n.parent;
    if (!loop || (loop.type !== 'for_statement' && loop.type !== 'for_in_clause')) return false;
    if (!loop.childrenForFieldName('left').includes(n)) return false;
    const right = loop.childForFieldName('right');
    if (this.isTokenArray(right) || this.tokenExpression(right)) return true;
    // `for token in streamer`, `for token in model.generate(...)`: a credential is not walked piece by piece out
    // of a collection that is not itself named like credentials (`for token in api_tokens` stays a credential).
    return !this.namesCredentials(right);
  }

  /** An iterable whose own name (or a call's, or a member's) says it holds credentials. */
  private namesCredentials(node: SyntaxNode | null): boolean {
    if (!node) return true;
    let n = unwrap(node);
    while (n.type === 'call' || n.type === 'await' || n.type === 'parenthesized_expression') {
      const inner = n.type === 'call' ? n.childForFieldName('function') : (n.namedChildren[0] ?? null);
      if (!inner) return true;
      // `secrets.values()`, `os.environ.get("TOKENS").split(",")`: the receiver names what is walked.
      n = inner.type === 'attribute' && n.type === 'call' ? (inner.childForFieldName('object') ?? inner) : inner;
    }
    if (n.type === 'subscript') n = n.childForFieldName('value') ?? n;
    const dotted = dottedName(n);
    if (dotted === undefined) return true;
    if (dotted.split('.').some((part) => this.a.tables.secretMappings.has(part) || this.a.tables.environObjects.has(part))) return true;
    if (/\benviron\b/.test(dotted)) return true;
    return namesSecretsOrCandidates((name) => this.a.names.classify(name), lastName(dotted));
  }

  private tokenUse(ref: SyntaxNode): boolean {
    const p = ref.parent;
    if (!p) return false;
    if (this.parserMessage(ref)) return true;
    if (this.streamHandlerParameter(ref)) return true;
    if (p.type === 'attribute') {
      if (p.childForFieldName('object') !== ref) return false;
      return this.t.tokenMembers.has(p.childForFieldName('attribute')?.text ?? '');
    }
    if (p.type === 'comparison_operator') {
      const kids = p.namedChildren;
      const at = kids.indexOf(ref);
      const other = kids[at === 0 ? 1 : at - 1];
      if (!other) return false;
      const between = at === 0 ? p.text.slice(ref.endIndex - p.startIndex, other.startIndex - p.startIndex) : p.text.slice(other.endIndex - p.startIndex, ref.startIndex - p.startIndex);
      return /==|!=|\bis\b/.test(between) && this.kindLike(other);
    }
    if (p.type === 'assignment' && p.childForFieldName('left') === ref) return this.tokenExpression(p.childForFieldName('right'));
    // `type_, value, start_pos, prefix = token`: a tuple of a lexer's token; a credential string is not unpacked.
    if (p.type === 'assignment' && p.childForFieldName('right') === ref) {
      const left = p.childForFieldName('left');
      if ((left?.type === 'pattern_list' || left?.type === 'tuple_pattern') && left.namedChildren.length >= 2) return true;
    }
    if (p.type === 'keyword_argument' && p.childForFieldName('value') === ref) return this.isPaginationKey(p.childForFieldName('name')?.text);
    // `yield token` in a generator: a piece of a stream, the model's own output.
    if (p.type === 'yield' && p.namedChildren[0] === ref) return true;
    if (p.type === 'pair' && p.childForFieldName('value') === ref) return this.isPaginationKey(this.stringText(p.childForFieldName('key')));
    if (p.type === 'interpolation') {
      const string = p.parent;
      if (!string) return false;
      const kids = string.children;
      const before = kids[kids.indexOf(p) - 1];
      return before?.type === 'string_content' && this.paginationText(before.text);
    }
    if (p.type === 'pattern_list' || p.type === 'tuple_pattern' || p.type === 'list_pattern') {
      // `items, token = client.list_items(...)`
      const holder = p.parent;
      if (holder?.type === 'assignment' && holder.childForFieldName('left') === p && this.listCall(holder.childForFieldName('right'))) return true;
    }
    if (p.type === 'pattern_list' || p.type === 'tuple_pattern' || p.type === 'list_pattern' || p.type === 'for_statement' || p.type === 'for_in_clause') return this.loopTarget(ref);
    return false;
  }

  /** Part of the message of a parser's error: `raise SyntaxError(f"unexpected token {token}")`. */
  private parserMessage(ref: SyntaxNode): boolean {
    let n: SyntaxNode = ref;
    for (let hops = 0; hops < 6; hops++) {
      const p = n.parent;
      if (!p) return false;
      if (p.type === 'argument_list') {
        const call = p.parent;
        const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
        // `'{0} expected'.format(token)` is the message's text: the error it goes to decides.
        if (call && fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' && fn.childForFieldName('object')?.type === 'string') {
          n = call;
          continue;
        }
        const dotted = fn ? dottedName(fn) : undefined;
        return dotted !== undefined && namesParserError(this.t, lastName(dotted));
      }
      if (!['binary_operator', 'interpolation', 'string', 'parenthesized_expression'].includes(p.type)) return false;
      n = p;
    }
    return false;
  }

  private paginationText(text: string): boolean {
    const m = /([A-Za-z_]+)=$/.exec(text);
    return m !== null && this.isPaginationKey(m[1]);
  }
}
