import { HOOK_ID, HOOK_REPO, PRE_COMMIT_CONFIG, preCommitEntry } from './templates.js';

export type PreCommitEdit = { kind: 'created' | 'added'; text: string } | { kind: 'present' } | { kind: 'manual'; reason: string };

const TOP_LEVEL_KEY = /^[^\s#-][^:]*:/;
const LIST_ITEM = /^(\s*)- /;

/** Whether the config already runs our hook (our repository, or a hook with our id). */
function hasHook(text: string): boolean {
  return text.includes(HOOK_REPO.replace('https://', '')) || new RegExp(`^\\s*-?\\s*id:\\s*['"]?${HOOK_ID}['"]?\\s*$`, 'm').test(text);
}

/**
 * Adds our hook to a `.pre-commit-config.yaml` as text, so every other line (comments, quoting, layout) stays as
 * the user wrote it: the entry goes after the last item of the top-level `repos:` list, at that list's indentation.
 * A `repos:` written in flow style (`repos: [...]`) is left to the user.
 */
export function addPreCommitHook(existing: string | undefined): PreCommitEdit {
  if (existing === undefined) return { kind: 'created', text: PRE_COMMIT_CONFIG };
  if (hasHook(existing)) return { kind: 'present' };
  const lines = existing.split('\n');
  const reposAt = lines.findIndex((line) => /^repos:\s*(#.*)?$/.test(line));
  if (reposAt === -1) {
    if (lines.some((line) => /^repos:/.test(line))) return { kind: 'manual', reason: '`repos:` is not a block list' };
    const eol = existing.includes('\r\n') ? '\r\n' : '\n';
    const separator = existing === '' || existing.endsWith('\n') ? '' : eol;
    return { kind: 'added', text: `${existing}${separator}repos:${eol}${preCommitEntry('  ').replaceAll('\n', eol)}` };
  }
  // The list ends at the next top-level key; trailing blank and comment lines stay with what follows.
  let end = lines.length;
  for (let i = reposAt + 1; i < lines.length; i++) {
    if (TOP_LEVEL_KEY.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  while (end > reposAt + 1 && /^\s*(#.*)?$/.test(lines[end - 1]!)) end--;
  const item = lines.slice(reposAt + 1, end).map((line) => LIST_ITEM.exec(line)).find((match) => match !== null);
  const indent = item ? item[1]! : '  ';
  const cr = existing.includes('\r\n') ? '\r' : ''; // lines keep their \r when split on \n: match the file's endings
  const entry = preCommitEntry(indent).replace(/\n$/, '').split('\n').map((line) => line + cr);
  return { kind: 'added', text: [...lines.slice(0, end), ...entry, ...lines.slice(end)].join('\n') };
}
