import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** File offsets (as the flow engine and the token detector give them) as an ESLint location. */
export function locationOf(sourceCode: Readonly<TSESLint.SourceCode>, start: number, end: number): TSESTree.SourceLocation {
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(Math.max(start, end)) };
}
