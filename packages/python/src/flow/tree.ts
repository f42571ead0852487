import type { Tree } from '../loader.js';

/**
 * A syntax node copied out of tree-sitter's WebAssembly memory. The analysis visits nodes many times (class
 * passes, calls followed into functions); reading them from JS objects is far cheaper than crossing into
 * WebAssembly for every property, so the tree is copied once, in one cursor walk. Only named nodes are kept
 * (operators and keywords are read from the text). The API mirrors the part of web-tree-sitter's `Node` used.
 */
export class PyNode {
  readonly children: PyNode[] = [];
  /** The field name of each child (`function`, `arguments`), parallel to `children`. */
  readonly fields: Array<string | null> = [];
  parent: PyNode | null = null;

  constructor(
    readonly id: number,
    readonly type: string,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): PyNode[] {
    return this.children;
  }

  childForFieldName(field: string): PyNode | null {
    const at = this.fields.indexOf(field);
    return at === -1 ? null : this.children[at]!;
  }

  childrenForFieldName(field: string): PyNode[] {
    const out: PyNode[] = [];
    for (let i = 0; i < this.fields.length; i++) if (this.fields[i] === field) out.push(this.children[i]!);
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
}

export interface CopiedTree {
  root: PyNode;
  /** Nodes of the types asked for, under the group names given. */
  collected: Map<string, PyNode[]>;
}

/** Subtrees read only as text: annotations, decorators. */
const TEXT_ONLY = new Set(['type', 'decorator']);
/** Delimiters of strings, never needed: the literal's text says the same. */
const SKIPPED = new Set(['comment', 'string_start', 'string_end']);

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

/**
 * Copies the named nodes in one cursor walk (comments, string delimiters and the insides of plain strings,
 * annotations and decorators left out), gathering nodes of the `collect` types on the way.
 */
export function copyTree(tree: Tree, source: string, collect: ReadonlyMap<string, string>): CopiedTree {
  const language = tree.language;
  const { types, fields } = language;
  const named = namedTable(language);
  const cursor = tree.walk();
  const collected = new Map<string, PyNode[]>();
  let nextId = 0;
  const make = (type: string, start: number): PyNode => {
    const node = new PyNode(nextId++, type, start, cursor.endIndex, source);
    const group = collect.get(type);
    if (group !== undefined) {
      const list = collected.get(group);
      if (list) list.push(node);
      else collected.set(group, [node]);
    }
    return node;
  };
  try {
    const root = make(types[cursor.nodeTypeId] ?? cursor.nodeType, cursor.startIndex);
    const stack: PyNode[] = [root];
    if (!cursor.gotoFirstChild()) return { root, collected };
    for (;;) {
      const typeId = cursor.nodeTypeId;
      if (named[typeId]) {
        const type = types[typeId] ?? cursor.nodeType;
        if (!SKIPPED.has(type)) {
          const parent = stack[stack.length - 1]!;
          const fieldId = cursor.currentFieldId;
          const start = cursor.startIndex;
          const node = make(type, start);
          node.parent = parent;
          parent.children.push(node);
          parent.fields.push(fieldId ? (fields[fieldId] ?? null) : null);
          const leaf = TEXT_ONLY.has(type) || (type === 'string' && isPlainString(source, start));
          if (!leaf && cursor.gotoFirstChild()) {
            stack.push(node);
            continue;
          }
        }
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { root, collected };
        stack.pop();
        if (stack.length === 0) return { root, collected };
      }
    }
  } finally {
    cursor.delete();
  }
}
