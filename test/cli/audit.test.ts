import type { Finding } from '@secret-hygiene/core';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../packages/cli/src/audit.js';
import type { Scanner } from '../../packages/cli/src/scanners/scanner.js';
import { randomAlphanumeric, tempTree } from '../support/cli.js';

const tree = tempTree({
  'a.py': '# secret-hygiene-ignore demo-rule -- fixture\nx = 1\ny = 2\n',
  'b.ts': 'export const z = 3;\n',
});
afterAll(tree.cleanup);

function finding(file: string, line: number, ruleId = 'demo-rule'): Finding {
  return { ruleId, severity: 'error', message: 'demo', file, line, column: 1, endLine: line, endColumn: 2, evidence: 'x', fingerprint: `${file}:${line}` };
}

function scanner(name: string, deep: boolean, scan: Scanner['scan']): Scanner {
  return { name, deep, wants: () => true, scan };
}

describe('audit orchestration', () => {
  it('dedupes findings of the same rule and place, applies suppressions, and sorts', async () => {
    const twice = scanner('twice', false, async () => ({ findings: [finding('b.ts', 1), finding('a.py', 3), finding('a.py', 2), finding('a.py', 3)], errors: [] }));
    const result = await audit({ cwd: tree.dir, scanners: [twice] });
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['a.py:3', 'b.ts:1']);
    expect(result.stats.suppressed).toBe(1);
    expect(result.unsuppressed).toHaveLength(3);
  });

  it('skips deep scanners with deep: false and keeps going when one scanner crashes', async () => {
    const calls: string[] = [];
    const deep = scanner('deep one', true, async () => {
      calls.push('deep');
      return { findings: [], errors: [] };
    });
    const broken = scanner('broken one', false, async () => {
      throw new Error('boom');
    });
    const fine = scanner('fine one', false, async () => ({ findings: [finding('b.ts', 1)], errors: [{ file: 'a.py', message: 'odd input' }] }));
    const result = await audit({ cwd: tree.dir, deep: false, scanners: [deep, broken, fine] });
    expect(calls).toEqual([]);
    expect(result.failures).toEqual(['broken one failed: boom']);
    expect(result.findings.map((f) => f.file)).toEqual(['b.ts']);
    expect(result.errors).toEqual([{ file: 'a.py', message: 'odd input' }]);
  });

  it('hands the secrets that configs declare to the scanners that run after them', async () => {
    let seen: string[] = [];
    const config = scanner('config', false, async (_files, context) => {
      context.declaredSecretEnv.add('WEBHOOK_URL');
      return { findings: [], errors: [] };
    });
    const code = scanner('code', true, async (_files, context) => {
      seen = [...context.declaredSecretEnv];
      return { findings: [], errors: [] };
    });
    await audit({ cwd: tree.dir, scanners: [config, code] });
    expect(seen).toEqual(['WEBHOOK_URL']);
  });

  it('runs the scanners after an overlapping one while it works, and collects every result and crash', async () => {
    let release = (): void => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    // It finishes only after the next scanner has run: without the overlap this run would never end.
    const workers: Scanner = {
      ...scanner('workers', true, async (_files, context) => {
        context.started?.();
        order.push('workers started');
        await later;
        order.push('workers done');
        return { findings: [finding('a.py', 3)], errors: [] };
      }),
      overlaps: true,
    };
    const main = scanner('main thread', false, async () => {
      order.push('main thread');
      release();
      return { findings: [finding('b.ts', 1)], errors: [] };
    });
    const crashing: Scanner = { ...scanner('crashing', true, async () => Promise.reject(new Error('worker died'))), overlaps: true };
    const result = await audit({ cwd: tree.dir, scanners: [workers, crashing, main] });
    expect(order).toEqual(['workers started', 'main thread', 'workers done']);
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['a.py:3', 'b.ts:1']);
    expect(result.failures).toEqual(['crashing failed: worker died']);
  });
});

describe('last line of defence', () => {
  it('redacts a token a front end let slip into a message, an evidence or a flow note', async () => {
    const token = `ghp_${randomAlphanumeric(36)}`;
    const leaky = scanner('leaky', false, async () => ({
      findings: [{ ...finding('b.ts', 1), message: `bad ${token}`, evidence: token, flow: [{ file: 'b.ts', line: 1, column: 1, note: `from ${token}` }] }],
      errors: [{ file: 'b.ts', message: `parser choked on ${token}` }],
    }));
    const result = await audit({ cwd: tree.dir, scanners: [leaky] });
    expect(JSON.stringify({ findings: result.findings, errors: result.errors })).not.toContain(token);
    expect(result.findings[0]!.message).toContain('ghp_…[redacted]');
  });
});
