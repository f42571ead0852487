import { type Finding, LineIndex, redact } from '@secret-hygiene/core';
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../packages/cli/src/format/code-frame.js';
import { colors } from '../../packages/cli/src/format/colors.js';
import { formatJson } from '../../packages/cli/src/format/json.js';
import type { Report } from '../../packages/cli/src/format/report.js';
import { formatText } from '../../packages/cli/src/format/text.js';
import { randomAlphanumeric } from '../support/cli.js';

const secret = `hf_${randomAlphanumeric(34)}`;
const other = `ghp_${randomAlphanumeric(36)}`;
const text = `import os\nKEY = "${secret}"; OTHER = "${other}"\nprint(KEY)\n`;

function tokenFinding(line: number, column: number, value: string): Finding {
  return {
    ruleId: 'no-hardcoded-secret',
    severity: 'error',
    message: 'Hardcoded token.',
    file: 'app.py',
    line,
    column,
    endLine: line,
    endColumn: column + value.length,
    evidence: redact(value),
    fingerprint: `fp-${column}`,
  };
}

const first = tokenFinding(2, 8, secret);
const second = tokenFinding(2, 8 + secret.length + 12, other);
const logFinding: Finding = {
  ruleId: 'no-secret-in-log',
  severity: 'warning',
  message: 'KEY reaches print.',
  file: 'app.py',
  line: 3,
  column: 1,
  endLine: 3,
  endColumn: 11,
  evidence: 'print(KEY)',
  fingerprint: 'fp-log',
  flow: [
    { file: 'app.py', line: 2, column: 1, note: 'source: KEY' },
    { file: 'app.py', line: 3, column: 1, note: 'sink: print' },
  ],
};

function report(findings: Finding[], unsuppressed: Finding[] = findings): Report {
  return {
    findings,
    errors: [],
    stats: { files: 1, durationMs: 3, skippedBinary: 0, skippedOversized: 0, skippedIgnored: 0, skippedExcluded: 0, suppressed: 0, baselined: 0 },
    sources: new Map([['app.py', text]]),
    unsuppressed,
    cwd: '/tmp',
  };
}

describe('code frames', () => {
  it('redacts every secret span on the shown lines, including findings that were suppressed', () => {
    const frame = codeFrame(logFinding, new LineIndex(text), [first, second, logFinding]);
    const shown = frame.map((l) => l.text).join('\n');
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(other);
    expect(shown).toContain(redact(secret));
    expect(frame.map((l) => l.number)).toEqual([2, 3]);
    expect(frame[1]).toMatchObject({ marked: true, text: 'print(KEY)', caret: { at: 0, width: 10 } });
  });

  it('places the caret under the redacted secret, after earlier redactions on the line', () => {
    const frame = codeFrame(second, new LineIndex(text), [first, second]);
    const marked = frame.find((l) => l.marked)!;
    expect(marked.text.slice(marked.caret!.at, marked.caret!.at + marked.caret!.width)).toBe(redact(other));
  });

  it('reveals the first characters of a multi-line secret once, never those of its later lines', () => {
    const body = [randomAlphanumeric(64), randomAlphanumeric(64), randomAlphanumeric(20)];
    const keyText = `key = '''\n${body.join('\n')}\n'''\nprint(key)\n`;
    const block: Finding = { ...tokenFinding(2, 1, body[0]!), endLine: 4, endColumn: 21, evidence: redact(body.join('\n')) };
    const later: Finding = { ...logFinding, line: 4, column: 1, endLine: 4, endColumn: 5 };
    const shown = [...codeFrame(block, new LineIndex(keyText), [block]), ...codeFrame(later, new LineIndex(keyText), [block, later])]
      .map((l) => l.text)
      .join('\n');
    expect(shown).toContain(redact(body[0]!));
    for (const part of body.slice(1)) expect(shown).not.toContain(part.slice(0, 4));
    expect(shown).not.toContain(body[0]!.slice(0, 8));
  });

  it('cuts very long lines to a window around the finding', () => {
    const long = `${'x'.repeat(5000)}"${secret}"${'y'.repeat(5000)}\n`;
    const finding = tokenFinding(1, 5002, secret);
    const [line] = codeFrame(finding, new LineIndex(long), [finding]);
    expect(line!.text.length).toBeLessThan(200);
    expect(line!.text.slice(line!.caret!.at, line!.caret!.at + line!.caret!.width)).toBe(redact(secret));
  });
});

describe('text format', () => {
  it('prints file:line:col, severity, rule, message, evidence, frame, flow and a summary', () => {
    const out = formatText(report([first, logFinding], [first, second, logFinding]), { colors: colors(false), quiet: false });
    expect(out).toContain('app.py:2:8  error  no-hardcoded-secret  Hardcoded token.');
    expect(out).toContain(`evidence: ${redact(secret)}`);
    expect(out).toContain('1. app.py:2:1  source: KEY');
    expect(out).toMatch(/2 findings \(1 error, 1 warning\); 1 file scanned/);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(other);
    expect(out).not.toContain('\u001b[');
  });

  it('colours only when asked, and --quiet drops the summary', () => {
    expect(formatText(report([first]), { colors: colors(true), quiet: false })).toContain('\u001b[31merror');
    expect(formatText(report([first]), { colors: colors(false), quiet: true })).not.toContain('scanned');
    expect(formatText(report([]), { colors: colors(false), quiet: true })).toBe('');
  });
});

describe('json format', () => {
  it('matches the CLI contract exactly', () => {
    const doc = JSON.parse(formatJson(report([{ ...logFinding, extra: 'dropped' } as Finding]))) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['version', 'tool', 'findings', 'errors', 'stats']);
    expect(doc).toMatchObject({ version: 1, tool: { name: 'secret-audit' }, errors: [], stats: { files: 1, durationMs: 3 } });
    expect((doc['tool'] as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
    const [finding] = doc['findings'] as Array<Record<string, unknown>>;
    expect(Object.keys(finding!)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'evidence', 'fingerprint', 'flow']);
  });
});
