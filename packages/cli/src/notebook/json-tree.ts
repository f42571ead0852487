/**
 * A JSON parser that remembers where each string literal sits in the text, so findings inside a notebook
 * cell can be reported at their real line and column in the `.ipynb` file. Iterative over characters,
 * no regexes, linear in the input.
 */
export type JsonNode =
  | { kind: 'string'; value: string; /** offset of the opening quote */ start: number }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; entries: Map<string, JsonNode> }
  | { kind: 'scalar' };

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const MAX_DEPTH = 512;

export class JsonTreeError extends Error {}

export function parseJsonTree(text: string): JsonNode {
  let at = 0;
  const fail = (what: string): never => {
    throw new JsonTreeError(`${what} at offset ${at}`);
  };
  const skipSpace = (): void => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\n' || text[at] === '\r' || text[at] === '\t')) at++;
  };
  const parseString = (): JsonNode & { kind: 'string' } => {
    const start = at;
    at++; // opening quote
    let value = '';
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const ch = text[at]!;
      if (ch === '"') break;
      if (ch === '\\') {
        const next = text[at + 1] ?? '';
        if (next === 'u') {
          const hex = text.slice(at + 2, at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          value += String.fromCharCode(parseInt(hex, 16));
          at += 6;
        } else {
          const decoded = ESCAPES[next];
          if (decoded === undefined) fail('bad escape');
          value += decoded;
          at += 2;
        }
        continue;
      }
      value += ch;
      at++;
    }
    at++; // closing quote
    return { kind: 'string', value, start };
  };
  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    skipSpace();
    const ch = text[at];
    if (ch === '"') return parseString();
    if (ch === '[') {
      at++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[at] === ']') {
        at++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return { kind: 'array', items };
        } else fail('expected , or ]');
      }
    }
    if (ch === '{') {
      at++;
      const entries = new Map<string, JsonNode>();
      skipSpace();
      if (text[at] === '}') {
        at++;
        return { kind: 'object', entries };
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') fail('expected a key');
        const key = parseString().value;
        skipSpace();
        if (text[at] !== ':') fail('expected :');
        at++;
        entries.set(key, parseValue(depth + 1));
        skipSpace();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return { kind: 'object', entries };
        } else fail('expected , or }');
      }
    }
    const scalarStart = at;
    while (at < text.length && /[-+.0-9a-zA-Z]/.test(text[at]!)) at++;
    if (!/^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(text.slice(scalarStart, at))) fail('unexpected token');
    return { kind: 'scalar' };
  };
  const root = parseValue(0);
  skipSpace();
  if (at !== text.length) fail('trailing content');
  return root;
}

/**
 * The offset in the JSON text of every character of a string node's decoded value, plus one past the end.
 * An escape (`\n`, `\"`, `\u00e9`) maps to where its backslash is.
 */
export function rawOffsets(text: string, node: { start: number }): number[] {
  const offsets: number[] = [];
  let at = node.start + 1;
  while (at < text.length && text[at] !== '"') {
    offsets.push(at);
    at += text[at] === '\\' ? (text[at + 1] === 'u' ? 6 : 2) : 1;
  }
  offsets.push(at);
  return offsets;
}
