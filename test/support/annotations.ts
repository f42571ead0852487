// Reads the expected findings written beside fixture code, CodeQL-style:
//   console.log(key); // $ Alert[no-secret-in-log]
//   token = "hf_..."  # $ Alert[no-hardcoded-secret]
//   <!-- $ MISSING: Alert[no-hardcoded-secret] -->      (a known miss)
// Several alerts may share a line: `// $ Alert[a] Alert[b]`, `// $ Alert[a] $ MISSING: Alert[b]`.

export interface Annotation {
  /** As given by the caller (usually relative to the repository root, with `/`). */
  file: string;
  /** 1-based line the annotation sits on: the line where the finding is reported. */
  line: number;
  ruleId: string;
  /** `$ MISSING: Alert[...]`: a finding that should exist but is not produced yet. */
  missing: boolean;
}

const COMMENT_OPENERS = ['//', '#', '<!--', '/*'];
const MARKER = '$';
const MISSING_PREFIX = 'MISSING:';
const ALERT_PREFIX = 'Alert[';

/** Where the first `$ Alert[` / `$ MISSING:` inside a comment starts on this line, or -1 when there is none. */
function annotationStart(line: string): number {
  const starts = [`${MARKER} ${ALERT_PREFIX}`, `${MARKER} ${MISSING_PREFIX}`]
    .map((m) => line.indexOf(m))
    .filter((at) => at !== -1);
  if (starts.length === 0) return -1;
  const dollar = Math.min(...starts);
  const before = line.slice(0, dollar);
  return COMMENT_OPENERS.some((o) => before.includes(o)) ? dollar : -1;
}

/** Parses the `$ Alert[...]` groups at the start of `text`. Plain scanning, no regex backtracking. */
function parseGroups(text: string): Array<{ ruleId: string; missing: boolean }> {
  const out: Array<{ ruleId: string; missing: boolean }> = [];
  let missing = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === MARKER) {
      missing = false;
      i++;
      continue;
    }
    if (text.startsWith(MISSING_PREFIX, i)) {
      missing = true;
      i += MISSING_PREFIX.length;
      continue;
    }
    if (text.startsWith(ALERT_PREFIX, i)) {
      const close = text.indexOf(']', i);
      if (close === -1) break;
      const ruleId = text.slice(i + ALERT_PREFIX.length, close).trim();
      if (ruleId !== '') out.push({ ruleId, missing });
      i = close + 1;
      continue;
    }
    // Separators between alerts; anything else ends the annotation (so a trailing `-->` or `*/` is ignored).
    if (ch === ' ' || ch === '\t' || ch === ',') {
      i++;
      continue;
    }
    break;
  }
  return out;
}

/** Every annotation in a fixture's text. */
export function parseAnnotations(file: string, text: string): Annotation[] {
  const annotations: Annotation[] = [];
  text.split('\n').forEach((raw, index) => {
    const start = annotationStart(raw);
    if (start === -1) return;
    for (const group of parseGroups(raw.slice(start).replace(/\r$/, ''))) {
      annotations.push({ file, line: index + 1, ruleId: group.ruleId, missing: group.missing });
    }
  });
  return annotations;
}

/** `file:line:rule`, the key the conformance runners compare on. */
export function annotationKey(a: { file: string; line: number; ruleId: string }): string {
  return `${a.file}:${a.line}:${a.ruleId}`;
}
