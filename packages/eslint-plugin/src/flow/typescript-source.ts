import * as ts from 'typescript';
import type { ParserServices, TSESLint } from '@typescript-eslint/utils';

/** The TypeScript view of the file ESLint is linting, and its type checker when the parser built a program. */
export interface TypeScriptView {
  sourceFile: ts.SourceFile;
  checker?: ts.TypeChecker;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function parserServicesOf(sourceCode: Readonly<TSESLint.SourceCode>): Partial<ParserServices> | undefined {
  return sourceCode.parserServices as Partial<ParserServices> | undefined;
}

/**
 * Reuses the AST typescript-eslint's parser already built (so nothing is parsed twice); a file parsed by another
 * parser (espree, for example) is parsed here with TypeScript, which reads JavaScript as well.
 */
export function typeScriptView(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string): TypeScriptView {
  const services = parserServicesOf(sourceCode);
  const parsed = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast);
  if (parsed && ts.isSourceFile(parsed) && parsed.text === sourceCode.text) {
    const checker = services?.program ? services.program.getTypeChecker() : undefined;
    return checker ? { sourceFile: parsed, checker } : { sourceFile: parsed };
  }
  const sourceFile = ts.createSourceFile(fileName, sourceCode.text, ts.ScriptTarget.Latest, true, scriptKindOf(fileName));
  return { sourceFile };
}
