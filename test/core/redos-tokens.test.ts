import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { catalogDocument, type TokenCatalog, type TokenEntry } from '@secret-hygiene/core';

const entries = catalogDocument<TokenCatalog>('tokens').tokens;
const ATTACK_LENGTH = 50_000;
// A linear regex scans 50k characters in a few milliseconds; a quadratic one needs seconds.
const BUDGET_MS = 300;

/**
 * recheck's automaton checker decides ambiguity exactly (lookarounds included) in well under a second per
 * pattern, where its fuzzer needs several seconds and misreads large bounded repeats as polynomial.
 */
describe('every token pattern is free of super-linear backtracking (recheck)', () => {
  it('has no exponential or polynomial ambiguity', async () => {
    const verdicts = await Promise.all(
      entries.map(async (entry) => {
        const result = await check(entry.pattern, `g${entry.flags ?? ''}`, { checker: 'automaton', timeout: 20_000 });
        return { id: entry.id, status: result.status, complexity: result.status === 'vulnerable' ? result.complexity.type : undefined, attack: result.status === 'vulnerable' ? result.attack.pattern : undefined, error: result.status === 'unknown' ? result.error.kind : undefined };
      }),
    );
    const unsafe = verdicts.filter((v) => v.status === 'vulnerable');
    expect(unsafe, JSON.stringify(unsafe, null, 1)).toEqual([]);
    // An unknown verdict (pattern too large for the automaton) is covered by the timing test below.
    expect(verdicts.filter((v) => v.status === 'unknown').length).toBeLessThan(entries.length / 10);
  }, 120_000);

  it('reports the backtracking patterns it is here to catch', async () => {
    for (const pattern of [String.raw`(?<secret>[a-z0-9]+)+!`, String.raw`token\s*=\s*(?<secret>\S*\s*)*;`]) {
      const result = await check(pattern, 'g', { checker: 'automaton', timeout: 20_000 });
      expect(result.status, pattern).toBe('vulnerable');
    }
  });
});

/** Inputs built to make a backtracking pattern slow: its prefix, charset and examples repeated with a breaker. */
function adversarialInputs(entry: TokenEntry): string[] {
  const seeds = new Set<string>([
    ...entry.keywords,
    ...entry.examples.match.flatMap((m) => [m.slice(0, Math.max(3, m.length - 1)), m.slice(0, Math.ceil(m.length / 2))]),
  ]);
  const inputs: string[] = [];
  for (const seed of seeds) {
    for (const breaker of ['\u0000', ' ', '\n', '=']) {
      inputs.push(fill(seed + breaker));
      inputs.push(fill(seed));
    }
    inputs.push(seed + 'a'.repeat(ATTACK_LENGTH) + '\u0000');
    inputs.push(seed + 'A1'.repeat(ATTACK_LENGTH / 2) + '!');
    inputs.push(seed + ' '.repeat(ATTACK_LENGTH) + 'x');
  }
  inputs.push(fill('a1B2'), fill('=:'), fill('\t '), fill('-----'));
  return inputs;
}

function fill(unit: string): string {
  return unit.repeat(Math.ceil(ATTACK_LENGTH / unit.length)).slice(0, ATTACK_LENGTH);
}

describe('every token pattern runs in linear time on adversarial input', () => {
  it.each(entries.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
    const regex = new RegExp(entry.pattern, `g${entry.flags ?? ''}`);
    let slowest = 0;
    let slowestInput = '';
    for (const input of adversarialInputs(entry)) {
      regex.lastIndex = 0;
      const started = performance.now();
      while (regex.exec(input)) if (regex.lastIndex === 0) break;
      const elapsed = performance.now() - started;
      if (elapsed > slowest) [slowest, slowestInput] = [elapsed, input.slice(0, 40)];
    }
    expect(slowest, `slowest on ${JSON.stringify(slowestInput)}…`).toBeLessThan(BUDGET_MS);
  });
});
