import type * as TS from 'typescript';
import { loadTypescript } from '@secret-hygiene/flow';
import type { ParserServices, TSESLint } from '@typescript-eslint/utils';

const ts = loadTypescript();

/** The TypeScript view of the file ESLint is linting, and its type checker when the parser built a program. */
export interface TypeScriptView {
  sourceFile: TS.SourceFile;
  checker?: TS.TypeChecker;
}

const SCRIPT_KINDS: Record<string, TS.ScriptKind> = {
  js: ts.ScriptKind.JS,
  mjs: ts.ScriptKind.JS,
  cjs: ts.ScriptKind.JS,
  jsx: ts.ScriptKind.JSX,
  ts: ts.ScriptKind.TS,
  mts: ts.ScriptKind.TS,
  cts: ts.ScriptKind.TS,
  tsx: ts.ScriptKind.TSX,
};

/**
 * How to read a file another parser handed us. Code without a known extension (`<input>`, `<text>`) came through a
 * JavaScript parser, so it is JavaScript, possibly with JSX. Other extensions (`.vue`, `.svelte`, `.md`) hold more
 * than script; their text is not one program, so it is not analysed.
 */
function scriptKindOf(fileName: string): TS.ScriptKind | undefined {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === undefined) return ts.ScriptKind.JSX;
  return SCRIPT_KINDS[extension];
}

function parserServicesOf(sourceCode: Readonly<TSESLint.SourceCode>): Partial<ParserServices> | undefined {
  return sourceCode.parserServices as Partial<ParserServices> | undefined;
}

/**
 * Reuses the AST typescript-eslint's parser already built (so nothing is parsed twice); a file parsed by another
 * parser (espree, for example) is parsed here with TypeScript, which reads JavaScript as well.
 */
export function typeScriptView(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string): TypeScriptView | undefined {
  // Every rule of the file asks: a file another parser read is parsed here once.
  if (views.has(sourceCode)) return views.get(sourceCode);
  const view = buildView(sourceCode, fileName);
  views.set(sourceCode, view);
  return view;
}

const views = new WeakMap<object, TypeScriptView | undefined>();

function buildView(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string): TypeScriptView | undefined {
  const services = parserServicesOf(sourceCode);
  const parsed = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (parsed && ts.isSourceFile(parsed) && parsed.text === sourceCode.text) {
    const checker = services?.program ? services.program.getTypeChecker() : undefined;
    return checker ? { sourceFile: parsed, checker } : { sourceFile: parsed };
  }
  const kind = scriptKindOf(fileName);
  if (kind === undefined) return undefined;
  return { sourceFile: ts.createSourceFile(fileName, sourceCode.text, ts.ScriptTarget.Latest, true, kind) };
}
