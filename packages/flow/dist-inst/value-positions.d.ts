import type * as TS from 'typescript';
/**
 * Whether `name` is written somewhere a value can carry it: not only in types (`interface Options { apiKey?:
 * string }`), interfaces, type aliases, import/export clauses or comments. A name never found as written (a
 * unicode escape spells it) counts as a value.
 */
export declare function writtenAsValue(ts: typeof TS, sf: TS.SourceFile, name: string): boolean;
