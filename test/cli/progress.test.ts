import { describe, expect, it } from 'vitest';
import { audit, type AuditProgress } from '../../packages/cli/src/audit.js';
import { progressLine, wantsProgress } from '../../packages/cli/src/format/progress.js';
import { main } from '../../packages/cli/src/main.js';
import { plantedSecrets, tempTree } from '../support/cli.js';

/** A terminal that records what is written to it. */
function fakeTty(columns = 80): { isTTY: true; columns: number; writes: string[]; write(text: string): boolean } {
  const writes: string[] = [];
  return { isTTY: true, columns, writes, write: (text: string) => (writes.push(text), true) };
}

function fakeClock(): { now: () => number; advance(ms: number): void } {
  let time = 0;
  return { now: () => time, advance: (ms) => void (time += ms) };
}

const step = (done: number, total = 10, stage = 'python front end'): AuditProgress => ({ stage, done, total });

describe('progress line', () => {
  it('stays silent for the first second, then redraws in place at most every 100 ms', () => {
    const tty = fakeTty();
    const clock = fakeClock();
    const line = progressLine(tty, { now: clock.now });
    line.update(step(1));
    clock.advance(999);
    line.update(step(2));
    expect(tty.writes).toEqual([]);
    clock.advance(1);
    line.update(step(3));
    expect(tty.writes).toEqual(['\r\x1b[Ksecret-audit: python front end 3/10 files…']);
    clock.advance(50);
    line.update(step(4)); // too soon
    clock.advance(50);
    line.update(step(5));
    expect(tty.writes.slice(1)).toEqual(['\r\x1b[Ksecret-audit: python front end 5/10 files…']);
    clock.advance(10);
    line.update(step(10)); // the last file of a stage is always drawn
    line.update(step(0, 4, 'whole-program analyzer')); // so is a new stage
    expect(tty.writes.slice(2)).toEqual(['\r\x1b[Ksecret-audit: python front end 10/10 files…', '\r\x1b[Ksecret-audit: whole-program analyzer 0/4 files…']);
    line.clear();
    expect(tty.writes.at(-1)).toBe('\r\x1b[K');
  });

  it('clears nothing when nothing was drawn, and never wraps a narrow terminal', () => {
    const quiet = fakeTty();
    progressLine(quiet).clear();
    expect(quiet.writes).toEqual([]);
    const narrow = fakeTty(20);
    const clock = fakeClock();
    const line = progressLine(narrow, { now: clock.now, delayMs: 0 });
    line.update(step(1));
    expect(narrow.writes[0]).toBe('\r\x1b[Ksecret-audit: pytho');
  });

  it('shows only on a terminal, without --quiet and outside CI', () => {
    const tty = fakeTty();
    expect(wantsProgress(tty, {}, false)).toBe(true);
    expect(wantsProgress(tty, { CI: 'false' }, false)).toBe(true);
    expect(wantsProgress(tty, { CI: 'true' }, false)).toBe(false);
    expect(wantsProgress(tty, { CI: '1' }, false)).toBe(false);
    expect(wantsProgress(tty, {}, true)).toBe(false);
    expect(wantsProgress({ write: () => true }, {}, false)).toBe(false);
    expect(wantsProgress({ write: () => true, isTTY: false }, {}, false)).toBe(false);
  });
});

describe('audit reports progress', () => {
  it('per front end, counting up to the files it handles', async () => {
    const tree = tempTree({ 'a.txt': 'x\n', 'c.py': 'import os\nprint(os.environ["API_TOKEN"])\n', 'd.ts': 'export const d = 1;\n', 'e.ts': 'export const e = 2;\n' });
    try {
      const seen: AuditProgress[] = [];
      await audit({ cwd: tree.dir, onProgress: (p) => seen.push(p) });
      expect(seen.filter((p) => p.stage === 'token detector').map((p) => `${p.done}/${p.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
      // the whole-program analyzer counts each script once as its program analyses it
      expect(seen.filter((p) => p.stage === 'whole-program analyzer').map((p) => `${p.done}/${p.total}`)).toEqual(['0/2', '1/2', '2/2', '2/2']);
      expect(seen.filter((p) => p.stage === 'python front end')).toEqual([{ stage: 'python front end', done: 1, total: 1 }]);
    } finally {
      tree.cleanup();
    }
  });

  it('piped stderr gets nothing but the findings report on stdout', async () => {
    const { github } = plantedSecrets();
    const tree = tempTree({ 'a.txt': `${github}\n` });
    try {
      let stderr = '';
      let stdout = '';
      const code = await main(['--no-deep'], { cwd: tree.dir, env: {}, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
      expect(code).toBe(1);
      expect(stderr).toBe('');
      expect(stdout).toContain('no-hardcoded-secret');
    } finally {
      tree.cleanup();
    }
  });
});
