// Prints one section's measurements as an aligned table.
import { formatKb, formatMs, formatRatio } from './format.mjs';

export function ratioOf(row, rows) {
  if (!row.command.compareTo) return NaN;
  const peer = rows.find((other) => other.command.label === row.command.compareTo);
  return peer && !peer.failure ? row.medianMs / peer.medianMs : NaN;
}

export function memoryRatioOf(row, rows) {
  if (!row.command.compareTo) return NaN;
  const peer = rows.find((other) => other.command.label === row.command.compareTo);
  return peer && !peer.failure ? row.peakRssKb / peer.peakRssKb : NaN;
}

export function renderTable(rows) {
  const header = ['command', 'median', 'min', 'peak RSS', 'time vs peer'];
  const body = rows.map((row) => {
    if (row.failure) return [row.command.label, 'FAILED', '', '', row.failure];
    const ratio = ratioOf(row, rows);
    const versus = Number.isFinite(ratio) ? `${formatRatio(ratio)} of ${row.command.compareTo}${speedup(ratio)}` : '';
    return [row.command.label, formatMs(row.medianMs), formatMs(row.minMs), formatKb(row.peakRssKb), versus];
  });
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => (line[col] ?? '').length)));
  const line = (cells) =>
    cells
      .map((cell, col) => (col === 0 || col === cells.length - 1 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function speedup(ratio) {
  return ratio > 0 && ratio < 1 ? ` (${(1 / ratio).toFixed(1)}× faster)` : '';
}
