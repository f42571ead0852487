import { createRequire } from 'node:module';
import { bundledFile } from '@secret-hygiene/core';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { parserModuleOptions } from './walker.js';

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

let loading: Promise<Language> | undefined;

/**
 * The Python grammar, loaded once per process. Everything runs in WebAssembly (web-tree-sitter and the grammar's
 * `tree-sitter-python.wasm`), so there is no native build to break on install.
 */
export function loadPythonLanguage(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init(parserModuleOptions);
    // web-tree-sitter finds its own runtime wasm beside its code, which the bundled CLI keeps true.
    const wasm =
      bundledFile(import.meta.url, 'tree-sitter-python.wasm') ??
      createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
    return Language.load(wasm);
  })();
  return loading;
}

let parser: Parser | undefined;

/** A parser for Python; one is shared because parsing is synchronous once the grammar is loaded. */
export async function pythonParser(): Promise<Parser> {
  const language = await loadPythonLanguage();
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
  }
  return parser;
}

/**
 * Trees kept for a second reader of the same text: the config cross-check parses a model's code first, and the
 * flow rules take the tree over instead of parsing the file again. Keyed by the text itself, bounded by its size.
 */
const kept = new Map<string, Tree>();
let keptChars = 0;
const MAX_KEPT_CHARS = 2 * 1024 * 1024;

/** The tree kept for exactly this text, now owned (and to be deleted) by the caller. */
export function takePythonTree(source: string): Tree | undefined {
  const tree = kept.get(source);
  if (tree) {
    kept.delete(source);
    keptChars -= source.length;
  }
  return tree;
}

export function hasPythonTree(source: string): boolean {
  return kept.size > 0 && kept.has(source);
}

/** Frees the trees nobody took. */
export function releasePythonTrees(): void {
  for (const tree of kept.values()) tree.delete();
  kept.clear();
  keptChars = 0;
}

/**
 * Parses `source` (or takes its kept tree) and hands the tree to `use`, freeing its WebAssembly memory afterwards
 * unless `keep` asks to keep it for `takePythonTree`. Tree-sitter never throws on bad syntax: broken code yields
 * a tree with ERROR nodes, and extraction goes on.
 */
export async function withPythonTree<T>(source: string, use: (tree: Tree) => T, keep = false): Promise<T> {
  const p = await pythonParser();
  const tree = takePythonTree(source) ?? p.parse(source);
  if (!tree) throw new Error('the Python parser returned no tree');
  let stays = false;
  try {
    const result = use(tree);
    stays = keep && !kept.has(source) && keptChars + source.length <= MAX_KEPT_CHARS;
    return result;
  } finally {
    if (stays) {
      kept.set(source, tree);
      keptChars += source.length;
    } else tree.delete();
  }
}
