import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flowFindings } from '@secret-hygiene/flow';
import { parseAnnotations } from '../support/annotations.js';

const FLOW_RULES = new Set(['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-output', 'require-https']);
const dir = fileURLToPath(new URL('../../fixtures/flow/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(?:[cm]?[jt]sx?)$/.test(f)).sort();

describe('flow fixtures: findings match the annotations', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThan(3));

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected = parseAnnotations(file, text)
      .filter((a) => FLOW_RULES.has(a.ruleId) && !a.missing)
      .map((a) => `${a.ruleId}@${a.line}`)
      .sort();
    const actual = flowFindings(file, text).map((f) => `${f.ruleId}@${f.line}`).sort();
    expect(actual).toEqual(expected);
  });
});
