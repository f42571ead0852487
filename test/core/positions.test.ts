import { describe, expect, it } from 'vitest';
import { LineIndex } from '@secret-hygiene/core';

describe('LineIndex', () => {
  const text = 'first\nsecond line\r\n\nlast';
  const index = new LineIndex(text);

  it('maps offsets to 1-based lines and columns', () => {
    expect(index.position(0)).toEqual({ line: 1, column: 1 });
    expect(index.position(text.indexOf('second'))).toEqual({ line: 2, column: 1 });
    expect(index.position(text.indexOf('line'))).toEqual({ line: 2, column: 8 });
    expect(index.position(text.indexOf('last'))).toEqual({ line: 4, column: 1 });
  });

  it('round-trips line/column to offsets', () => {
    for (const offset of [0, 3, 6, 13, 20, text.length - 1]) {
      const { line, column } = index.position(offset);
      expect(index.offset(line, column)).toBe(offset);
    }
  });

  it('returns line text without line breaks', () => {
    expect(index.lineText(2)).toBe('second line');
    expect(index.lineText(3)).toBe('');
    expect(index.lineText(4)).toBe('last');
    expect(index.lineText(99)).toBe('');
  });
});
