// One runner for every fixture under fixtures/: each file is scanned by every front end that applies (through
// the same library entry the CLI uses), and its findings must equal the `$ Alert[rule-id]` annotations written
// beside the code: no extra finding, no missing one, and no `$ MISSING` annotation that has started to be found.
import { describe, expect, it } from 'vitest';
import { audit } from '../packages/cli/src/audit.js';
import { parseAnnotations } from './support/annotations.js';
import { REPO_ROOT } from './support/cli.js';
import { compareWithAnnotations } from './support/conformance.js';

const result = await audit({ cwd: REPO_ROOT, paths: ['fixtures'] });
const annotations = [...result.sources].flatMap(([file, text]) => parseAnnotations(file, text));
const files = compareWithAnnotations(annotations, result.findings);

describe('fixture conformance', () => {
  it('scans the fixtures and finds annotated files', () => {
    expect(result.stats.files).toBeGreaterThan(10);
    expect(annotations.length).toBeGreaterThan(10);
  });

  it('reads every fixture without input errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.failures).toEqual([]);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s', (file, conformance) => {
    expect(conformance).toEqual({ file, extra: [], missing: [], knownMissNowFound: [] });
  });
});
