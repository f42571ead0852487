import type { AuditProgress } from '../audit.js';

/** Where the progress line is drawn: a terminal stream. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  /** Nothing is drawn before the run is this old: short runs stay silent. */
  delayMs?: number;
  /** At most one redraw per interval (a stage change redraws at once). */
  intervalMs?: number;
  now?: () => number;
}

export interface ProgressLine {
  update(progress: AuditProgress): void;
  /** Erases the line, if one was drawn, so the report starts on a clean line. */
  clear(): void;
}

/** For runs that show no progress. */
export const NO_PROGRESS: ProgressLine = { update() {}, clear() {} };

/**
 * Whether a run shows progress: only on a terminal, and not with --quiet or under CI (`CI` set to anything but
 * `false`/`0`), where stderr is kept in logs that carriage returns would garble.
 */
export function wantsProgress(stream: ProgressStream, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  const ci = env['CI'];
  return stream.isTTY === true && !quiet && (ci === undefined || ci === '' || ci === 'false' || ci === '0');
}

/** `secret-audit: python front end 412/840 files…` on one line of stderr, redrawn in place. */
export function progressLine(stream: ProgressStream, options: ProgressOptions = {}): ProgressLine {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 100;
  let drawnAt: number | undefined;
  let lastStage = '';
  return {
    update({ stage, done, total }) {
      const at = now();
      if (at - started < delay) return;
      if (drawnAt !== undefined && at - drawnAt < interval && stage === lastStage && done < total) return;
      const text = `secret-audit: ${stage} ${done}/${total} files…`;
      const width = (stream.columns ?? 80) - 1; // a full-width line would wrap and break the redraw
      stream.write(`\r\x1b[K${text.length > width ? text.slice(0, width) : text}`);
      drawnAt = at;
      lastStage = stage;
    },
    clear() {
      if (drawnAt !== undefined) stream.write('\r\x1b[K');
      drawnAt = undefined;
    },
  };
}
