import { type JsonNode, parseJsonTree, rawOffsets } from './json-tree.js';

/** A piece of a notebook scanned as its own text: a cell's source, or the text one of its outputs printed. */
export interface NotebookSegment {
  /** `cell 3` or `cell 3 output`, appended to finding messages so people find the cell. */
  label: string;
  /** `code`, `markdown` or `raw` for sources; `output` for outputs. */
  kind: string;
  text: string;
  /** Offset in `text` -> offset in the notebook's JSON text. */
  toFileOffset(offset: number): number;
  /** The label of the cell an offset of `text` belongs to (segments joined from several cells name each one). */
  labelAt?(offset: number): string;
}

export function isNotebook(path: string): boolean {
  return path.toLowerCase().endsWith('.ipynb');
}

/** MIME types of outputs worth scanning; images and other binary payloads are base64 and hold no source. */
function isTextMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'application/json' || mime === 'application/javascript';
}

function strings(node: JsonNode | undefined): Array<JsonNode & { kind: 'string' }> {
  if (!node) return [];
  if (node.kind === 'string') return [node];
  if (node.kind === 'array') return node.items.filter((n): n is JsonNode & { kind: 'string' } => n.kind === 'string');
  return [];
}

/** Joins the string pieces (nbformat splits sources into lines) into one text with an offset map. */
function segment(json: string, label: string, kind: string, pieces: Array<JsonNode & { kind: 'string' }>): NotebookSegment {
  const offsets: number[] = [];
  let text = '';
  for (const piece of pieces) {
    const raw = rawOffsets(json, piece);
    for (let i = 0; i < raw.length - 1; i++) offsets.push(raw[i]!);
    text += piece.value;
  }
  const end = pieces.length === 0 ? 0 : rawOffsets(json, pieces[pieces.length - 1]!).at(-1)!;
  offsets.push(end);
  return { label, kind, text, toFileOffset: (offset) => offsets[Math.min(Math.max(offset, 0), offsets.length - 1)]! };
}

/** The cell sources and text outputs of an nbformat 4 notebook. Throws when the text is not JSON. */
export function notebookSegments(json: string): NotebookSegment[] {
  const root = parseJsonTree(json);
  const cells = root.kind === 'object' ? root.entries.get('cells') : undefined;
  if (!cells || cells.kind !== 'array') return [];
  const segments: NotebookSegment[] = [];
  cells.items.forEach((cell, index) => {
    if (cell.kind !== 'object') return;
    const label = `cell ${index + 1}`;
    const type = cell.entries.get('cell_type');
    const kind = type?.kind === 'string' ? type.value : 'code';
    const source = strings(cell.entries.get('source'));
    if (source.length > 0) segments.push(segment(json, label, kind, source));
    const outputs = cell.entries.get('outputs');
    if (outputs?.kind !== 'array') return;
    for (const output of outputs.items) {
      if (output.kind !== 'object') continue;
      // Each stream, traceback and MIME rendering separately, so pieces of different texts never run together.
      const groups = [strings(output.entries.get('text')), strings(output.entries.get('traceback'))];
      const data = output.entries.get('data');
      if (data?.kind === 'object') {
        for (const [mime, value] of data.entries) if (isTextMime(mime)) groups.push(strings(value));
      }
      for (const pieces of groups) if (pieces.length > 0) segments.push(segment(json, `${label} output`, 'output', pieces));
    }
  });
  return segments;
}

/**
 * All code cells of a notebook as one program, in order, one line break between cells: a token defined in one
 * cell and printed in a later one is a flow, as it is when the notebook runs.
 */
export function notebookProgram(json: string): NotebookSegment | undefined {
  const cells = notebookSegments(json).filter((segment) => segment.kind === 'code');
  if (cells.length === 0) return undefined;
  const starts: number[] = [];
  let text = '';
  for (const cell of cells) {
    if (text !== '' && !text.endsWith('\n')) text += '\n';
    starts.push(text.length);
    text += cell.text;
  }
  const cellAt = (offset: number): number => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
    return index;
  };
  return {
    label: 'code cells',
    kind: 'code',
    text,
    toFileOffset: (offset) => {
      const index = cellAt(offset);
      return cells[index]!.toFileOffset(offset - starts[index]!);
    },
    labelAt: (offset) => cells[cellAt(offset)]!.label,
  };
}
