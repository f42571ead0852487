import { catalogDocument } from './catalog/builtin.js';

/**
 * The `ambiguousNames` section of `rules/flows.yaml`: which ambiguous names (bare `token`) are reported at which
 * sinks, and the evidence that such a binding is a lexer token or a pagination cursor rather than a credential.
 * Every flow front end (TypeScript and Python) reads the same section through these tables.
 */
export interface AmbiguousNameCatalog {
  reportedNames: string[];
  reportedRules: string[];
  tokenMembers: string[];
  tokenArrays: string[];
  tokenCalls: string[];
  tokenReceivers: string[];
  tokenModules: string[];
  kindEnumWords: string[];
  parserErrors: string[];
  comparedLiterals: string[];
  notKeywords: string[];
  paginationKeys: string[];
  listCallWords: string[];
  streamMembers: string[];
  streamHandlers: string[];
  textReceivers: string[];
  splitCalls: string[];
}

export interface AmbiguousNameTables {
  reportedNames: Set<string>;
  reportedRules: Set<string>;
  tokenMembers: Set<string>;
  tokenArrays: Set<string>;
  tokenCalls: Set<string>;
  tokenReceivers: Set<string>;
  tokenModules: Set<string>;
  kindEnumWords: Set<string>;
  parserErrors: Set<string>;
  comparedLiterals: RegExp[];
  notKeywords: Set<string>;
  paginationKeys: Set<string>;
  listCallWords: Set<string>;
  /** Members of a model's streamed output (compared as written). */
  streamMembers: Set<string>;
  /** Callbacks handed each generated token (squashed). */
  streamHandlers: Set<string>;
  /** Names of text that is split into words (squashed). */
  textReceivers: Set<string>;
  splitCalls: Set<string>;
}

/** `SyntaxError`, or a name that ends in one of the catalog's parser errors (`ExpressionSyntaxError`). */
export function namesParserError(t: AmbiguousNameTables, name: string): boolean {
  if (t.parserErrors.has(name)) return true;
  for (const error of t.parserErrors) if (name.endsWith(error)) return true;
  return false;
}

/** Lower-case, without `_`: how names are compared with the `ambiguousNames` lists. */
export function squash(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

export function compileAmbiguousNames(c: AmbiguousNameCatalog): AmbiguousNameTables {
  const squashed = (l: readonly string[]) => new Set(l.map(squash));
  return {
    reportedNames: squashed(c.reportedNames),
    reportedRules: new Set(c.reportedRules),
    tokenMembers: new Set(c.tokenMembers),
    tokenArrays: squashed(c.tokenArrays),
    tokenCalls: squashed(c.tokenCalls),
    tokenReceivers: squashed(c.tokenReceivers),
    tokenModules: new Set(c.tokenModules),
    kindEnumWords: squashed(c.kindEnumWords),
    parserErrors: new Set(c.parserErrors),
    comparedLiterals: c.comparedLiterals.map((p) => new RegExp(p, 'u')),
    notKeywords: new Set(c.notKeywords),
    paginationKeys: squashed(c.paginationKeys),
    listCallWords: squashed(c.listCallWords),
    streamMembers: new Set(c.streamMembers),
    streamHandlers: squashed(c.streamHandlers),
    textReceivers: squashed(c.textReceivers),
    splitCalls: new Set(c.splitCalls),
  };
}

export function shippedAmbiguousNames(): AmbiguousNameCatalog {
  return catalogDocument<{ ambiguousNames: AmbiguousNameCatalog }>('flows').ambiguousNames;
}
