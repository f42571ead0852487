import type { SyntaxNode } from './loader.js';
import { describeDefault, secretAnnotation } from './cog-params.js';
import { isGuarded, isWriteTarget } from './guards.js';
import { staticString, stringPrefix } from './strings.js';
import { firstArgument, span } from './syntax.js';
import type { PythonReadForm, PythonSecretRead } from './types.js';

const SECRET_FILE = /^\/secrets\/([-._a-zA-Z0-9]+)/;
const SECRETS_DIR = /^\/secrets\/?$/;
/** `self._secrets`, `secrets`, `self._context.secrets`: the Truss (and Chains) secrets mapping by its usual names. */
const SECRETS_HOLDER_NAME = /^_*secrets$/;
/** Methods on `os.environ` that read or write one named variable; any other use hands over the whole environment. */
const SINGLE_VARIABLE_METHODS = new Set(['get', 'setdefault', 'pop']);
/** Methods that read every entry of a mapping. */
const WHOLE_MAPPING_METHODS = new Set(['items', 'keys', 'values', 'copy']);

/** Finds secret reads in one module's collected nodes (see collect). */
export class Extractor {
  readonly reads: PythonSecretRead[] = [];
  /** `subprocess.run(..., env=os.environ)`, `dict(os.environ)`, `os.environ.items()`: every variable may be read. */
  passesWholeEnvironment = false;
  /** `os.environ.update(self._secrets)`, `helper(secrets)`, `secrets.items()`: any declared secret may be read. */
  passesWholeSecrets = false;
  /** `NAME = "literal"` bindings, so `os.environ[NAME]` resolves; a name bound twice is dropped. */
  private readonly constants = new Map<string, string | null>();
  /** Expressions that hold the Truss secrets mapping (`self._secrets = kwargs["secrets"]`). */
  private readonly holders = new Set<string>();
  /** Aliases of `os.environ` and `os.getenv` brought in by `from os import ...`. */
  private readonly environAliases = new Set<string>();
  private readonly getenvAliases = new Set<string>();

  constructor(private readonly nodes: Map<string, SyntaxNode[]>) {}

  private of(type: string): SyntaxNode[] {
    return this.nodes.get(type) ?? [];
  }

  run(): void {
    for (const node of this.of('import_from_statement')) this.noteOsImports(node);
    for (const node of this.of('assignment')) this.noteAssignment(node);
    for (const node of this.of('function_definition')) this.noteFunction(node);
    for (const node of this.of('subscript')) this.subscript(node);
    for (const node of this.of('call')) this.call(node);
    for (const node of this.of('comparison_operator')) this.membership(node);
    for (const node of this.of('binary_operator')) this.pathJoin(node);
    for (const node of [...this.of('string'), ...this.of('concatenated_string')]) this.secretFileString(node);
    for (const node of [...this.of('attribute'), ...this.of('identifier')]) {
      this.wholeEnvironment(node);
      this.wholeSecrets(node);
    }
    this.reads.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  private noteOsImports(node: SyntaxNode): void {
    if (node.childForFieldName('module_name')?.text !== 'os') return;
    for (const child of node.childrenForFieldName('name')) {
      const imported = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
      const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
      if (!local) continue;
      if (imported === 'environ') this.environAliases.add(local);
      if (imported === 'getenv') this.getenvAliases.add(local);
    }
  }

  private noteAssignment(node: SyntaxNode): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left || !right) return;
    const value = staticString(right);
    if (left.type === 'identifier' && value !== undefined) {
      this.constants.set(left.text, this.constants.has(left.text) ? null : value);
    }
    if (this.isSecretsLookup(right)) this.holders.add(left.text);
  }

  /** `kwargs["secrets"]`, `kwargs.get("secrets")`: the mapping Truss passes to the model's constructor. */
  private isSecretsLookup(node: SyntaxNode): boolean {
    // `kwargs.get("secrets") or {}`, `(kwargs["secrets"])`
    if (node.type === 'boolean_operator') return this.isSecretsLookup(node.childForFieldName('left') ?? node);
    if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return this.isSecretsLookup(node.namedChildren[0]);
    if (node.type === 'subscript') return this.keyOf(node.childForFieldName('subscript')) === 'secrets';
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'get') return false;
      return this.keyOf(firstArgument(node)) === 'secrets';
    }
    return false;
  }

  private noteFunction(node: SyntaxNode): void {
    const params = node.childForFieldName('parameters');
    if (!params) return;
    const functionName = node.childForFieldName('name')?.text ?? '';
    for (const param of params.namedChildren) {
      const nameNode = param.type === 'typed_parameter' ? param.namedChildren.find((c) => c.type === 'identifier') : param.childForFieldName('name');
      const name = nameNode?.text;
      if (!name || !nameNode) continue;
      if (name === 'secrets') this.holders.add(name);
      const type = param.childForFieldName('type');
      const annotation = type ? secretAnnotation(type.text) : undefined;
      if (!annotation) continue;
      const read: PythonSecretRead = { kind: 'cog-secret-param', name, form: 'parameter', functionName, annotation, ...span(nameNode) };
      if (annotation === 'Optional[Secret]') read.optional = true;
      describeDefault(param.childForFieldName('value'), read);
      this.reads.push(read);
    }
  }

  private keyOf(node: SyntaxNode | null | undefined): string | undefined {
    if (!node) return undefined;
    const literal = staticString(node);
    if (literal !== undefined) return literal;
    if (node.type === 'identifier') return this.constants.get(node.text) ?? undefined;
    return undefined;
  }

  private isEnviron(node: SyntaxNode | null): boolean {
    if (!node) return false;
    if (node.type === 'identifier') return this.environAliases.has(node.text);
    return node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'environ' && node.childForFieldName('object')?.text === 'os';
  }

  private isSecretsHolder(node: SyntaxNode | null): boolean {
    if (!node) return false;
    if (this.holders.has(node.text) || this.isSecretsLookup(node)) return true;
    const last = node.type === 'identifier' ? node.text : node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
    return last !== undefined && SECRETS_HOLDER_NAME.test(last);
  }

  private subscript(node: SyntaxNode): void {
    if (isWriteTarget(node)) return;
    const value = node.childForFieldName('value');
    const name = this.keyOf(node.childForFieldName('subscript'));
    if (name === undefined) return;
    if (this.isEnviron(value)) this.push('env', name, 'subscript', node, isGuarded(node, name));
    else if (this.isSecretsHolder(value)) this.push('truss-secret', name, 'subscript', node, false);
  }

  private call(node: SyntaxNode): void {
    const fn = node.childForFieldName('function');
    if (!fn) return;
    const name = this.keyOf(firstArgument(node));
    if (name === undefined) return;
    if (fn.type === 'identifier' && this.getenvAliases.has(fn.text)) return this.push('env', name, 'getenv', node, true);
    if (fn.type !== 'attribute') return this.osPathJoin(node, fn);
    const method = fn.childForFieldName('attribute')?.text;
    const object = fn.childForFieldName('object');
    if (method === 'getenv' && object?.text === 'os') return this.push('env', name, 'getenv', node, true);
    if (method === 'get' && this.isEnviron(object)) return this.push('env', name, 'get', node, true);
    if (method === 'get' && this.isSecretsHolder(object)) return this.push('truss-secret', name, 'get', node, false);
    this.osPathJoin(node, fn);
  }

  /** `os.path.join("/secrets", "name")`. */
  private osPathJoin(node: SyntaxNode, fn: SyntaxNode): void {
    if (!/(^|\.)join$/.test(fn.text)) return;
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    const dir = staticString(args[0]);
    const file = staticString(args[1]);
    if (dir !== undefined && SECRETS_DIR.test(dir) && file) this.push('secret-file', file, 'path', node, undefined);
  }

  /** `"NAME" in os.environ`, `"name" in self._secrets`. */
  private membership(node: SyntaxNode): void {
    const operators = node.children.filter((c) => !c.isNamed).map((c) => c.type);
    if (operators.length !== 1 || operators[0] !== 'in') return;
    const [left, right] = node.namedChildren;
    const name = this.keyOf(left);
    if (name === undefined || !right) return;
    if (this.isEnviron(right)) this.push('env', name, 'membership', node, true);
    else if (this.isSecretsHolder(right)) this.push('truss-secret', name, 'membership', node, false);
  }

  /** `Path("/secrets") / "name"`. */
  private pathJoin(node: SyntaxNode): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (node.childForFieldName('operator')?.text !== '/' || !left || !right) return;
    const dir = left.type === 'call' ? staticString(firstArgument(left)) : staticString(left);
    const file = staticString(right);
    if (dir !== undefined && SECRETS_DIR.test(dir) && file) this.push('secret-file', file, 'path', node, undefined);
  }

  private secretFileString(node: SyntaxNode): void {
    if (node.parent?.type === 'concatenated_string') return;
    const text = node.type === 'string' ? stringPrefix(node) : staticString(node);
    const match = text === undefined ? null : SECRET_FILE.exec(text);
    if (match) this.push('secret-file', match[1]!, 'path', node, undefined);
  }

  private wholeEnvironment(node: SyntaxNode): void {
    if (this.passesWholeEnvironment || !this.isEnviron(node)) return;
    const parent = node.parent;
    if (!parent) return;
    if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return; // `x.environ`
    if (parent.type === 'subscript' && parent.childForFieldName('value')?.id === node.id) return;
    if (parent.type === 'comparison_operator') return;
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.id === node.id) {
      if (SINGLE_VARIABLE_METHODS.has(parent.childForFieldName('attribute')?.text ?? '')) return;
    }
    if (parent.type === 'import_from_statement' || parent.type === 'aliased_import' || parent.type === 'dotted_name') return;
    if ((parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.id === node.id) return;
    this.passesWholeEnvironment = true;
  }

  private wholeSecrets(node: SyntaxNode): void {
    if (this.passesWholeSecrets || !/secrets$/i.test(node.text) || !this.isSecretsHolder(node)) return;
    const parent = node.parent;
    if (!parent) return;
    if (parent.type === 'attribute' && parent.childForFieldName('attribute')?.id === node.id) return; // the tail of `self._secrets`
    // Passing the mapping to a helper is not enough: the helper's own keyed reads are found where it reads them.
    const mergedInto = parent.type === 'argument_list' && parent.parent?.childForFieldName('function')?.text.endsWith('.update');
    const handedOver =
      mergedInto ||
      parent.type === 'dictionary_splat' ||
      (parent.type === 'attribute' && WHOLE_MAPPING_METHODS.has(parent.childForFieldName('attribute')?.text ?? '')) ||
      parent.type === 'for_in_clause' ||
      parent.type === 'for_statement';
    if (handedOver) this.passesWholeSecrets = true;
  }

  private push(kind: PythonSecretRead['kind'], name: string, form: PythonReadForm, node: SyntaxNode, guarded: boolean | undefined): void {
    const read: PythonSecretRead = { kind, name, form, ...span(node) };
    if (guarded !== undefined) read.guarded = guarded;
    this.reads.push(read);
  }
}

