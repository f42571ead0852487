import { describe, expect, it } from 'vitest';
import { JsonTreeError, parseJsonTree } from '../../packages/cli/src/notebook/json-tree.js';
import { notebookProgram, notebookSegments } from '../../packages/cli/src/notebook/segments.js';

const notebook = JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', source: ['# Title with \\"quotes\\" and é\n', 'second line'] },
      {
        cell_type: 'code',
        source: ['x = "caf\u00e9"\n', 'y = "tab\\there"'],
        outputs: [
          { output_type: 'stream', name: 'stdout', text: ['printed\n'] },
          { output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo=', 'text/plain': ['<Figure>'] } },
        ],
      },
    ],
    metadata: { '1': 'integer-like keys keep their place' },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

describe('notebook segments', () => {
  const segments = notebookSegments(notebook);

  it('yields cell sources and text outputs, never images', () => {
    expect(segments.map((s) => [s.label, s.kind])).toEqual([
      ['cell 1', 'markdown'],
      ['cell 2', 'code'],
      ['cell 2 output', 'output'],
      ['cell 2 output', 'output'],
    ]);
    expect(segments[1]!.text).toBe('x = "café"\ny = "tab\\there"');
    expect(segments.some((s) => s.text.includes('iVBOR'))).toBe(false);
  });

  it('maps every character back to where it sits in the JSON text, escapes included', () => {
    for (const segment of segments) {
      for (let i = 0; i < segment.text.length; i++) {
        const raw = segment.toFileOffset(i);
        const ch = segment.text[i]!;
        const json = JSON.stringify(ch).slice(1, -1);
        expect(notebook.slice(raw, raw + json.length)).toBe(json);
      }
    }
  });
});

describe('parseJsonTree', () => {
  it('rejects malformed JSON with an offset', () => {
    expect(() => parseJsonTree('{"cells": [ "abc" ')).toThrow(JsonTreeError);
    expect(() => parseJsonTree('{"a": tru}')).toThrow(/offset/);
    expect(() => parseJsonTree('[1, 2] x')).toThrow(/trailing/);
  });

  it('survives deep nesting without exhausting the stack', () => {
    expect(() => parseJsonTree('['.repeat(100_000))).toThrow(/too deep/);
  });
});

describe('notebookProgram', () => {
  it('joins the code cells into one program and names the cell of each offset', () => {
    const json = JSON.stringify({
      cells: [
        { cell_type: 'code', source: ['token = load()'] },
        { cell_type: 'markdown', source: ['# not code'] },
        { cell_type: 'code', source: ['print(token)\n'] },
      ],
    });
    const program = notebookProgram(json)!;
    expect(program.text).toBe('token = load()\nprint(token)\n');
    const printAt = program.text.indexOf('print');
    expect(program.labelAt!(printAt)).toBe('cell 3');
    expect(program.labelAt!(0)).toBe('cell 1');
    expect(json.slice(program.toFileOffset(printAt), program.toFileOffset(printAt) + 5)).toBe('print');
  });
});
