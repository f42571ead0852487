import type { Node as TsNode, Tree } from 'web-tree-sitter';
import { type Walker, walkerFor } from '../walker.js';

/** What every node copied from one tree shares. */
interface CopyContext {
  file: string;
  source: string;
  types: string[];
  fields: Array<string | null>;
  named: boolean[];
  nextId: number;
  collect: ReadonlyMap<string, string>;
  collected: Map<string, PyNode[]>;
}

/**
 * A syntax node copied out of tree-sitter's WebAssembly memory. The analysis visits nodes many times (class
 * passes, calls followed into functions); reading them from JS objects is far cheaper than crossing into
 * WebAssembly for every property. Only named nodes are kept (operators and keywords are read from the text), and
 * a function's body is copied only when the analysis first looks into it, so the bodies it never needs cost
 * nothing. The API mirrors the part of web-tree-sitter's `Node` the analysis uses; the tree must stay alive
 * while the copy is used.
 */
export class PyNode {
  private readonly kids: PyNode[] = [];
  private readonly kidFields: Array<string | null> = [];
  parent: PyNode | null = null;
  /** The tree-sitter node whose children are still to be copied. */
  private pending?: TsNode;

  constructor(
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly context: CopyContext,
  ) {}

  get text(): string {
    return this.context.source.slice(this.startIndex, this.endIndex);
  }

  /** The file the node was parsed from (a helper module may be analysed along with the file that imports it). */
  get file(): string {
    return this.context.file;
  }

  get children(): PyNode[] {
    if (this.pending) this.fill();
    return this.kids;
  }

  get namedChildren(): PyNode[] {
    return this.children;
  }

  /** The field name of each child (`function`, `arguments`), parallel to `children`. */
  get fields(): Array<string | null> {
    if (this.pending) this.fill();
    return this.kidFields;
  }

  childForFieldName(field: string): PyNode | null {
    const at = this.fields.indexOf(field);
    return at === -1 ? null : this.kids[at]!;
  }

  childrenForFieldName(field: string): PyNode[] {
    const fields = this.fields;
    const out: PyNode[] = [];
    for (let i = 0; i < fields.length; i++) if (fields[i] === field) out.push(this.kids[i]!);
    return out;
  }

  descendantsOfType(type: string): PyNode[] {
    const out: PyNode[] = [];
    const stack: PyNode[] = [...this.children];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === type) out.push(node);
      stack.push(...node.children);
    }
    return out;
  }

  /** @internal */
  adopt(child: PyNode, field: string | null): void {
    child.parent = this;
    this.kids.push(child);
    this.kidFields.push(field);
  }

  /** @internal */
  defer(node: TsNode): void {
    this.pending = node;
  }

  private fill(): void {
    const node = this.pending!;
    this.pending = undefined;
    const walker = walkerFor(node);
    try {
      copyBelow(walker, this, this.context);
    } finally {
      walker.close();
    }
  }
}

export interface CopiedTree {
  root: PyNode;
  /** Nodes of the types asked for, under the group names given (grows as function bodies are copied). */
  collected: Map<string, PyNode[]>;
}

/** Subtrees read only as text: annotations, decorators. */
const TEXT_ONLY = new Set(['type', 'decorator']);
/** Delimiters of strings, never needed: the literal's text says the same. */
const SKIPPED = new Set(['comment', 'string_start', 'string_end']);

/** Node types that never have children (tree-sitter-python's grammar): no trip into WebAssembly to look for any. */
const LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'ellipsis', 'escape_sequence', 'type_conversion']);

/** Node types none of whose children has a field name (tree-sitter-python's grammar). */
const FIELDLESS = new Set(['module', 'expression_statement', 'argument_list', 'parameters', 'list', 'tuple', 'set',
  'dictionary', 'concatenated_string', 'expression_list', 'pattern_list', 'tuple_pattern', 'list_pattern', 'string']);

const IDENTIFIER = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;

/** Where an identifier starting at `start` ends: its characters are all the grammar allows in one. */
function identifierEnd(source: string, start: number): number {
  IDENTIFIER.lastIndex = start;
  IDENTIFIER.test(source);
  return IDENTIFIER.lastIndex;
}

let namedTypes: { language: unknown; named: boolean[] } | undefined;

/** Which node type ids are named, asked once per grammar so the walk never asks per node. */
function namedTable(language: Tree['language']): boolean[] {
  if (namedTypes?.language !== language) {
    const named: boolean[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) named.push(language.nodeTypeIsNamed(id));
    namedTypes = { language, named };
  }
  return namedTypes.named;
}

/** A string without an `f` prefix has no interpolation: its text is all the analysis needs. */
function isPlainString(source: string, start: number): boolean {
  for (let i = start; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 34 || c === 39) return true; // the opening quote
    if (c === 102 || c === 70 || c === 116 || c === 84) return false; // f, F, t, T
  }
  return true;
}

/** Copies the module's named nodes (comments, string delimiters, plain strings' insides and function bodies aside). */
export function copyTree(tree: Tree, file: string, source: string, collect: ReadonlyMap<string, string>): CopiedTree {
  const language = tree.language;
  const context: CopyContext = {
    file,
    source,
    types: language.types,
    fields: language.fields,
    named: namedTable(language),
    nextId: 0,
    collect,
    collected: new Map(),
  };
  const walker = walkerFor(tree);
  try {
    const root = make(context, context.types[walker.typeId()] ?? 'ERROR', walker.startIndex(), walker.endIndex());
    copyBelow(walker, root, context);
    return { root, collected: context.collected };
  } finally {
    walker.close();
  }
}

function make(context: CopyContext, type: string, start: number, end: number): PyNode {
  const node = new PyNode(context.nextId++, type, start, end, context);
  const group = context.collect.get(type);
  if (group !== undefined) {
    const list = context.collected.get(group);
    if (list) list.push(node);
    else context.collected.set(group, [node]);
  }
  return node;
}

/** Copies everything below the cursor's node into `top`, in one walk that never leaves that node. */
function copyBelow(walker: Walker, top: PyNode, context: CopyContext): void {
  const { types, fields, named, source } = context;
  const stack: PyNode[] = [top];
  if (!walker.gotoFirstChild()) return;
  for (;;) {
    const typeId = walker.typeId();
    if (named[typeId]) {
      const type = types[typeId] ?? 'ERROR';
      if (!SKIPPED.has(type)) {
        const parent = stack[stack.length - 1]!;
        // Each cursor getter is a trip into WebAssembly: skip the ones whose answer is known.
        const fieldId = FIELDLESS.has(parent.type) ? 0 : walker.fieldId();
        const field = fieldId ? (fields[fieldId] ?? null) : null;
        const start = walker.startIndex();
        const node = make(context, type, start, type === 'identifier' ? identifierEnd(source, start) : walker.endIndex());
        parent.adopt(node, field);
        if (type === 'block' && field === 'body' && parent.type === 'function_definition') node.defer(walker.currentNode());
        else if (!(LEAVES.has(type) || TEXT_ONLY.has(type) || (type === 'string' && isPlainString(source, start))) && walker.gotoFirstChild()) {
          stack.push(node);
          continue;
        }
      }
    }
    while (!walker.gotoNextSibling()) {
      if (stack.length === 1 || !walker.gotoParent()) return;
      stack.pop();
    }
  }
}
