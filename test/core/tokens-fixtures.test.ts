import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenFindings } from '@secret-hygiene/core';
import { parseAnnotations } from '../support/annotations.js';

const DIR = join(import.meta.dirname, '../../fixtures/tokens');
const RULE = 'no-hardcoded-secret';

/** Each fixture carries its expected findings beside the code; the token detector must produce exactly those. */
describe('fixtures/tokens', () => {
  const files = readdirSync(DIR).sort();

  it('has fixtures in many file kinds', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', (name) => {
    const file = `fixtures/tokens/${name}`;
    const text = readFileSync(join(DIR, name), 'utf8');
    const expected = parseAnnotations(file, text).filter((a) => a.ruleId === RULE);
    const reported = tokenFindings(file, text).map((f) => f.line);
    expect(reported.sort((a, b) => a - b)).toEqual(expected.filter((a) => !a.missing).map((a) => a.line));
    for (const miss of expected.filter((a) => a.missing)) expect(reported).not.toContain(miss.line);
  });
});
