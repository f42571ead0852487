import { LineIndex, type InputError } from '@secret-hygiene/core';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A config larger than this is not a config: reading it would only cost time (and it may be an attack). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const NOT_A_MAPPING = 'expected a mapping of settings at the top level';
/** Aliases allowed before a document counts as an alias bomb ("billion laughs"). */
export const MAX_ALIASES = 100;

export interface YamlConfig {
  path: string;
  text: string;
  doc: Document.Parsed;
  root: YAMLMap;
  lines: LineIndex;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Parses a config with the limits that keep a hostile file from hurting the run. Returns the document, or an
 * `InputError` that says what is wrong and where; never throws.
 */
export function parseConfig(path: string, text: string): YamlConfig | InputError {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so short texts skip the byte count.
  const bytes = text.length * 3 > MAX_CONFIG_BYTES ? Buffer.byteLength(text) : text.length;
  if (bytes > MAX_CONFIG_BYTES) {
    return { file: path, message: `config file is ${(bytes / 1048576).toFixed(1)} MB, over the ${MAX_CONFIG_BYTES / 1048576} MB limit for a config; not validated` };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { file: path, message: `could not parse YAML: ${(error as Error).message.split('\n')[0]}` };
  }
  const lines = new LineIndex(text);
  const [first] = doc.errors;
  if (first) {
    const at = lines.position(first.pos[0]);
    return { file: path, message: `invalid YAML at ${at.line}:${at.column}: ${first.message.split('\n')[0]}; not validated` };
  }
  try {
    // Expanding aliases is where a "billion laughs" document explodes; the count limit stops it early.
    // Without a `*` there is no alias to expand, so most configs skip the extra pass.
    if (text.includes('*')) doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { file: path, message: `YAML uses too many aliases (possible alias bomb): ${(error as Error).message.split('\n')[0]}; not validated` };
  }
  if (doc.contents === null) return { path, text, doc, root: doc.createNode({}) as YAMLMap, lines };
  if (!isMap(doc.contents)) return { file: path, message: `${NOT_A_MAPPING}; not validated` };
  return { path, text, doc, root: doc.contents, lines };
}

export function isInputError(value: YamlConfig | InputError): value is InputError {
  return 'message' in value;
}

/** Resolves an alias to the node it names, so `secrets: *shared` is checked like the mapping it points at. */
export function resolve(config: YamlConfig, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(config.doc) as Node | undefined) ?? null;
  return (node as Node | null) ?? null;
}

/** The pair `key: value` of a mapping, by its key's text. */
export function pairOf(config: YamlConfig, map: unknown, key: string): Pair<Node, Node | null> | undefined {
  const resolved = resolve(config, map);
  if (!isMap(resolved)) return undefined;
  return resolved.items.find((p) => isPair(p) && keyText(p.key) === key) as Pair<Node, Node | null> | undefined;
}

/** The value under `key`, aliases resolved. */
export function valueOf(config: YamlConfig, map: unknown, key: string): Node | null {
  const pair = pairOf(config, map, key);
  return pair ? resolve(config, pair.value) : null;
}

/** A mapping key as text (`123:` and `true:` keys become "123" and "true"). */
export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.source ?? key.value);
  return undefined;
}

export function spanOf(config: YamlConfig, node: { range?: [number, number, number] | null } | null | undefined): Span {
  const range = node?.range ?? [0, 0, 0];
  const start = config.lines.position(range[0]);
  const end = config.lines.position(Math.max(range[0], range[1]));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The text of a node as written in the file (used for fingerprints, never printed when it may be a secret). */
export function sourceOf(config: YamlConfig, node: { range?: [number, number, number] | null } | null | undefined): string {
  const range = node?.range;
  return range ? config.text.slice(range[0], range[1]) : '';
}

/** A scalar's value as a string, or undefined for null, collections and missing nodes. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

export function isNullNode(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

export { isMap, isScalar, isSeq, isPair };
