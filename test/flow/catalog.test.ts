import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CatalogError, validateCatalogDocument } from '@secret-hygiene/core';
import { shippedJsCatalog } from '@secret-hygiene/flow';
import { flowFindings } from '@secret-hygiene/flow';

const rules = (path: string) => fileURLToPath(new URL(`../../rules/${path}`, import.meta.url));
const schema = JSON.parse(readFileSync(rules('schema/flows.schema.json'), 'utf8')) as object;
const shipped = parse(readFileSync(rules('flows.yaml'), 'utf8')) as Record<string, unknown>;

describe('rules/flows.yaml', () => {
  it('matches its schema', () => {
    expect(() => validateCatalogDocument('flows.yaml', shipped, schema)).not.toThrow();
  });

  it('is what the engine runs on', () => {
    expect(shippedJsCatalog().sinks.log.globals).toContain('console');
    expect(shippedJsCatalog().sources.secretTypes).toContain('Secret');
  });

  it('rejects a misspelled key and names where it is', () => {
    const broken = structuredClone(shipped) as { javascript: { sinks: { log: Record<string, unknown> } } };
    broken.javascript.sinks.log.logers = ['x'];
    expect(() => validateCatalogDocument('flows.yaml', broken, schema)).toThrow(CatalogError);
    expect(() => validateCatalogDocument('flows.yaml', broken, schema)).toThrow(/javascript > sinks > log.*logers/);
  });

  it('rejects a callee that is not a dotted name', () => {
    const broken = structuredClone(shipped) as { javascript: { sinks: { log: { calls: string[] } } } };
    broken.javascript.sinks.log.calls.push('console.log(');
    expect(() => validateCatalogDocument('flows.yaml', broken, schema)).toThrow(CatalogError);
  });

  it('allows a python section of its own', () => {
    expect(Object.keys(shipped)).toContain('python');
  });
});

describe('adversarial text stays linear', () => {
  it.each([
    ['a long mask-like literal under a secret name', `const password = '${'*'.repeat(200_000)}x';\nconsole.log(password);`],
    ['a long URL', `fetch('http://${'a.'.repeat(100_000)}example.com/');`],
    ['a long identifier', `const ${'apiKey'.repeat(20_000)} = 1;\nconsole.log(${'apiKey'.repeat(20_000)});`],
  ])('%s', (_name, code) => {
    const started = performance.now();
    flowFindings('adversarial.ts', code);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
