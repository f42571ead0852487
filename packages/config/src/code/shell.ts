import type { LineIndex } from '@secret-hygiene/core';
import type { CodeRead, FolderCode } from '../model.js';
import { platformFacts } from '../platforms.js';

const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Secret reads in shell text (a script, a Dockerfile, Truss `start_command`/`build_commands`): `/secrets/<name>`
 * files and `$TRUSS_SECRET_<name>` variables. `offset` places a snippet taken from a larger file (a YAML value).
 */
export function shellReads(text: string, file: string, lines: LineIndex, offset: number, language: CodeRead['language']): CodeRead[] {
  const truss = platformFacts().truss;
  const patterns: Array<[RegExp, CodeRead['kind'], string]> = [
    // Not `/run/secrets/x` (Docker's own secrets) or `./secrets/x`: only the absolute /secrets/ Truss mounts.
    [new RegExp(`(?<![\\w./~-])${escapeRegExp(truss.secretFileDir)}([-._a-zA-Z0-9]+)`, 'g'), 'secret-file', 'path'],
    [new RegExp(`\\$\\{?${escapeRegExp(truss.secretEnvPrefix)}([A-Za-z0-9_]+)`, 'g'), 'truss-secret', 'env'],
  ];
  const reads: CodeRead[] = [];
  for (const [pattern, kind, form] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const start = lines.position(offset + match.index);
      const end = lines.position(offset + match.index + match[0].length);
      reads.push({ kind, name: match[1]!, file, form, language, span: { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } });
    }
  }
  return reads;
}

/** Adds a shell script's reads and its words (a declared name passed to a command counts as used). */
export function addShellFile(file: string, text: string, lines: LineIndex, code: FolderCode): void {
  code.codeFiles++;
  code.reads.push(...shellReads(text, file, lines, 0, 'shell'));
  for (const [word] of text.matchAll(WORD)) code.mentions.add(word);
}
