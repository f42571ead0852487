// Each multi-file case alone through the analyzer: leaks are found with a path that crosses files, look-alikes
// stay silent, and every leak is one the per-file engine (what the ESLint rules run) cannot see.
import { describe, expect, it } from 'vitest';
import { analyzeFiles } from '@secret-hygiene/analyzer';
import { flowFindings } from '@secret-hygiene/flow';
import { ROOT, annotatedAlerts, caseFolders, keyOf, readFolder } from './support.js';

const leaks = caseFolders('leaks');
const analysed = new Map<string, ReturnType<typeof analyzeFiles>>();
/** Each case is analysed once for all the checks on it. */
function analyse(dir: string): ReturnType<typeof analyzeFiles> {
  let out = analysed.get(dir);
  if (!out) analysed.set(dir, (out = analyzeFiles({ cwd: ROOT, files: readFolder(dir) })));
  return out;
}
const lookalikes = caseFolders('lookalikes');

describe('multi-file fixtures', () => {
  it('has at least 20 leaks and 20 look-alikes, each of several files', () => {
    expect(leaks.length).toBeGreaterThanOrEqual(20);
    expect(lookalikes.length).toBeGreaterThanOrEqual(20);
    for (const dir of [...leaks, ...lookalikes]) expect(readFolder(dir).length, dir).toBeGreaterThan(1);
  });

  it.each(leaks)('%s: the analyzer reports exactly the annotated leaks, with a cross-file path', (dir) => {
    const { findings, errors } = analyse(dir);
    expect(errors).toEqual([]);
    expect(new Set(findings.map(keyOf))).toEqual(annotatedAlerts(readFolder(dir)));
    for (const finding of findings) {
      expect(finding.flow?.length, keyOf(finding)).toBeGreaterThan(1);
      expect(finding.flow?.at(-1)).toMatchObject({ file: finding.file, line: finding.line });
    }
  });

  it('shows paths that cross files (a logger made elsewhere may leave the path in one file)', () => {
    const crossing = leaks.filter((dir) => {
      const { findings } = analyse(dir);
      return findings.some((f) => new Set(f.flow?.map((s) => s.file)).size > 1);
    });
    expect(crossing.length).toBeGreaterThanOrEqual(leaks.length - 2);
  });

  it.each(leaks)('%s: the per-file engine misses the leak', (dir) => {
    const files = readFolder(dir);
    const perFile = new Set(files.flatMap((f) => flowFindings(f.path, f.text)).map(keyOf));
    const beyond = [...annotatedAlerts(files)].filter((key) => !perFile.has(key));
    expect(beyond.length).toBeGreaterThan(0);
  });

  it.each(lookalikes)('%s: stays silent', (dir) => {
    const { findings, errors } = analyse(dir);
    expect(errors).toEqual([]);
    expect(findings.map(keyOf)).toEqual([]);
  });
});
