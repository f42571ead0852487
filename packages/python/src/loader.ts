import { createRequire } from 'node:module';
import { bundledFile } from '@secret-hygiene/core';
import { Language, Parser, type Tree } from 'web-tree-sitter';

export type { Node as SyntaxNode, Tree } from 'web-tree-sitter';

let loading: Promise<Language> | undefined;

/**
 * The Python grammar, loaded once per process. Everything runs in WebAssembly (web-tree-sitter and the grammar's
 * `tree-sitter-python.wasm`), so there is no native build to break on install.
 */
export function loadPythonLanguage(): Promise<Language> {
  loading ??= (async () => {
    await Parser.init();
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
 * Parses `source` and hands the tree to `use`, freeing the tree's WebAssembly memory afterwards.
 * Tree-sitter never throws on bad syntax: broken code yields a tree with ERROR nodes, and extraction goes on.
 */
export async function withPythonTree<T>(source: string, use: (tree: Tree) => T): Promise<T> {
  const p = await pythonParser();
  const tree = p.parse(source);
  if (!tree) throw new Error('the Python parser returned no tree');
  try {
    return use(tree);
  } finally {
    tree.delete();
  }
}
