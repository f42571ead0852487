import type * as TS from 'typescript';
import type { Engine } from './engine.js';
/**
 * Counter-evidence that a bare `token` (names.yaml: ambiguous) is not a credential (flows.md, "Telling secret names
 * from names about secrets"): a lexer token (its members, where it comes from, what it is compared with) or a
 * pagination cursor (the query or response field it goes to or comes from). All word lists are
 * `ambiguousNames` in rules/flows.yaml. Judged once per declaration, only for bindings that reached a sink.
 */
export declare function notCredential(e: Engine, decl: TS.Node): boolean;
