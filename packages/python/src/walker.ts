import type { Node as TsNode, Tree, TreeCursor } from 'web-tree-sitter';

/**
 * The part of web-tree-sitter's Emscripten module a tree walk needs. `Parser.init(options)` makes `options` that
 * module object, so the loader hands one in and keeps it.
 */
interface CursorBinding {
  HEAP32: Int32Array;
  _ts_init(): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
}

const CURSOR_FUNCTIONS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
] as const;

/** The options object given to `Parser.init`; after it resolves, the module's exports are on it. */
export const parserModuleOptions: Record<string, unknown> = {};

let binding: CursorBinding | null | undefined;
let transferWord = 0;
/** Off switch for tests that compare both walks. */
let directAllowed = true;

function cursorBinding(): CursorBinding | null {
  if (binding === undefined) {
    const candidate = parserModuleOptions as Partial<CursorBinding>;
    const complete = CURSOR_FUNCTIONS.every((name) => typeof candidate[name] === 'function') && candidate.HEAP32 instanceof Int32Array;
    binding = complete ? (candidate as CursorBinding) : null;
    // `ts_init` only stores the language versions in the transfer buffer and returns its address.
    if (binding) transferWord = binding._ts_init() >> 2;
  }
  return directAllowed ? binding : null;
}

/** @internal Whether walks go straight to the exported cursor functions (the parser must be loaded). */
export function usesDirectWalker(): boolean {
  return cursorBinding() !== null;
}

/** @internal Lets a test run the walk through web-tree-sitter's public cursor API. */
export function useDirectWalker(allowed: boolean): void {
  directAllowed = allowed;
}

/** A tree walk over named nodes' type, field and offsets: what `copyTree` reads. */
export interface Walker {
  typeId(): number;
  fieldId(): number;
  startIndex(): number;
  endIndex(): number;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** The node under the walker, as a web-tree-sitter node that outlives the walk. */
  currentNode(): TsNode;
  close(): void;
}

/**
 * Every getter of web-tree-sitter's `TreeCursor` copies the cursor's four words into WebAssembly memory and the
 * moves copy them back, one `setValue`/`getValue` per word: a third of the time a tree copy takes. The cursor
 * functions themselves keep the state in the transfer buffer between calls, so this walker puts the cursor
 * there once, calls the exported functions directly, and writes the state back before the cursor is freed.
 */
class DirectWalker implements Walker {
  constructor(
    private readonly cursor: TreeCursor,
    private readonly tree: number,
    private readonly c: CursorBinding,
  ) {
    void cursor.nodeTypeId; // any getter copies the cursor into the transfer buffer
  }

  typeId(): number {
    return this.c._ts_tree_cursor_current_node_type_id_wasm(this.tree);
  }
  fieldId(): number {
    return this.c._ts_tree_cursor_current_field_id_wasm(this.tree);
  }
  startIndex(): number {
    return this.c._ts_tree_cursor_start_index_wasm(this.tree);
  }
  endIndex(): number {
    return this.c._ts_tree_cursor_end_index_wasm(this.tree);
  }
  gotoFirstChild(): boolean {
    return this.c._ts_tree_cursor_goto_first_child_wasm(this.tree) === 1;
  }
  gotoNextSibling(): boolean {
    return this.c._ts_tree_cursor_goto_next_sibling_wasm(this.tree) === 1;
  }
  gotoParent(): boolean {
    return this.c._ts_tree_cursor_goto_parent_wasm(this.tree) === 1;
  }
  currentNode(): TsNode {
    this.takeBack();
    const node = this.cursor.currentNode; // writes the node over the transfer buffer
    void this.cursor.nodeTypeId; // so the cursor goes back in
    return node;
  }
  close(): void {
    this.takeBack();
    this.cursor.delete();
  }

  /** The cursor's state from the transfer buffer (its stack may have moved as it grew) into the JS object. */
  private takeBack(): void {
    const heap = this.c.HEAP32; // read afresh: a grown memory replaces the view
    const state = this.cursor as unknown as Record<number, number>;
    for (let i = 0; i < 4; i++) state[i] = heap[transferWord + i]!;
  }
}

/** The same walk through the public API, for a web-tree-sitter whose module does not expose the functions. */
class PublicWalker implements Walker {
  constructor(private readonly cursor: TreeCursor) {}
  typeId(): number {
    return this.cursor.nodeTypeId;
  }
  fieldId(): number {
    return this.cursor.currentFieldId;
  }
  startIndex(): number {
    return this.cursor.startIndex;
  }
  endIndex(): number {
    return this.cursor.endIndex;
  }
  gotoFirstChild(): boolean {
    return this.cursor.gotoFirstChild();
  }
  gotoNextSibling(): boolean {
    return this.cursor.gotoNextSibling();
  }
  gotoParent(): boolean {
    return this.cursor.gotoParent();
  }
  currentNode(): TsNode {
    return this.cursor.currentNode;
  }
  close(): void {
    this.cursor.delete();
  }
}

/** A walker from a tree's root or from any node; close it when done. */
export function walkerFor(from: Tree | TsNode): Walker {
  const cursor = from.walk();
  const c = cursorBinding();
  const tree = 'rootNode' in from ? from : from.tree;
  const address = (tree as unknown as Record<number, unknown>)[0];
  return c && typeof address === 'number' ? new DirectWalker(cursor, address, c) : new PublicWalker(cursor);
}
