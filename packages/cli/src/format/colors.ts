export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  green(text: string): string;
}

const paint = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function colors(enabled: boolean): Colors {
  if (!enabled) return { red: plain, yellow: plain, cyan: plain, dim: plain, bold: plain, green: plain };
  return { red: paint(31, 39), yellow: paint(33, 39), cyan: paint(36, 39), dim: paint(2, 22), bold: paint(1, 22), green: paint(32, 39) };
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR forces them. */
export function useColors(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
  return stream.isTTY === true;
}
