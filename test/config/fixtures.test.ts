import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditConfigs } from '@secret-hygiene/config';
import { annotationKey, parseAnnotations } from '../support/annotations.js';
import { REPOS, readTree } from './support.js';

const repos = readdirSync(REPOS).sort();

describe('fixtures/repos: auditConfigs reports exactly the annotated config findings', () => {
  it('has a flagged repository and a clean twin for each platform', () => {
    for (const name of ['cog-model', 'truss-model', 'truss-custom-server', 'inference-python', 'inference-node']) {
      expect(repos).toContain(name);
      expect(repos).toContain(`${name}-clean`);
    }
  });

  for (const repo of repos) {
    it(repo, async () => {
      const files = readTree(join(REPOS, repo));
      const expected = files
        .flatMap((f) => parseAnnotations(f.path, f.text))
        .filter((a) => a.ruleId.startsWith('config-') && !a.missing)
        .map(annotationKey)
        .sort();
      const result = await auditConfigs(files);
      expect(result.errors).toEqual([]);
      expect(result.findings.map(annotationKey).sort()).toEqual(expected);
      if (repo.endsWith('-clean')) expect(expected).toEqual([]);
      else expect(expected.length).toBeGreaterThan(0);
    });
  }
});
