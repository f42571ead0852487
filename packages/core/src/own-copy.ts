/** Below this length V8 copies a substring instead of pointing into its parent (SlicedString::kMinLength). */
const SLICE_MIN_LENGTH = 13;

/**
 * A copy of `text` that does not share storage with a larger string. A name taken from a parsed file (TypeScript's
 * identifier table, a tree-sitter node's text) is a slice of the file's whole text; kept as a key of a memo that
 * lives for the process, it would keep every file a run has read in memory. `' ' + text` is flattened into a new
 * string by `slice`, so what is kept is only as long as the name.
 */
export function ownCopy(text: string): string {
  return text.length < SLICE_MIN_LENGTH ? text : (' ' + text).slice(1);
}
