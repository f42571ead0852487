import { type Annotation, annotationKey } from './annotations.js';

/** How one file's findings differ from its annotations; all three lists are empty when the file conforms. */
export interface Conformance {
  file: string;
  /** Findings no annotation asked for. */
  extra: string[];
  /** `$ Alert[...]` annotations no finding matched. */
  missing: string[];
  /** `$ MISSING: Alert[...]` annotations that are found now: turn them into `$ Alert[...]`. */
  knownMissNowFound: string[];
}

/** Compares findings with annotations per file, on `file:line:rule` keys (several findings of a key count once). */
export function compareWithAnnotations(
  annotations: readonly Annotation[],
  findings: ReadonlyArray<{ file: string; line: number; ruleId: string }>,
): Conformance[] {
  const files = new Map<string, { expected: Set<string>; knownMisses: Set<string>; actual: Set<string> }>();
  const entry = (file: string) => {
    let found = files.get(file);
    if (!found) files.set(file, (found = { expected: new Set(), knownMisses: new Set(), actual: new Set() }));
    return found;
  };
  for (const a of annotations) (a.missing ? entry(a.file).knownMisses : entry(a.file).expected).add(annotationKey(a));
  for (const f of findings) entry(f.file).actual.add(annotationKey(f));
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, { expected, knownMisses, actual }]) => ({
      file,
      extra: [...actual].filter((k) => !expected.has(k) && !knownMisses.has(k)).sort(),
      missing: [...expected].filter((k) => !actual.has(k)).sort(),
      knownMissNowFound: [...knownMisses].filter((k) => actual.has(k)).sort(),
    }));
}
