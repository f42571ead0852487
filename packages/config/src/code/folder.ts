import { LineIndex } from '@secret-hygiene/core';
import { emptyFolderCode, type FolderCode } from '../model.js';
import { addDependencyFile, REQUIREMENTS_FILE } from './dependencies.js';
import { addJavaScriptFile } from './javascript.js';
import { addPythonFile } from './python.js';
import { addShellFile } from './shell.js';

/** Code larger than this is generated or vendored, not model code; it is not read for secrets. */
const MAX_CODE_BYTES = 512 * 1024;

export type CodeLanguage = 'python' | 'js' | 'shell' | 'dependencies';

export function codeLanguage(path: string): CodeLanguage | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/\.pyi?$/.test(base)) return 'python';
  if (/\.d\.[cm]?ts$/.test(base)) return undefined;
  if (/\.(?:[cm]?[jt]s|[jt]sx)$/.test(base)) return 'js';
  if (/\.(?:sh|bash)$/.test(base) || base === 'Dockerfile' || base.startsWith('Dockerfile.') || base === 'Procfile') return 'shell';
  if (REQUIREMENTS_FILE.test(base) || base === 'pyproject.toml' || base === 'package.json') return 'dependencies';
  return undefined;
}

const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

/** One file's contribution to its folder's facts; undefined for files that are not code or too large to be model code. */
export async function fileCode(path: string, text: string): Promise<FolderCode | undefined> {
  const language = codeLanguage(path);
  if (!language || text.length > MAX_CODE_BYTES) return undefined;
  const code = emptyFolderCode();
  if (language === 'python') await addPythonFile(path, text, code);
  else if (language === 'js') await addJavaScriptFile(path, text, code);
  else if (language === 'shell') addShellFile(path, text, new LineIndex(text), code);
  else addDependencyFile(path, text, code);
  for (const read of code.reads) if (isTestFile(read.file)) read.inTest = true;
  return code;
}

/**
 * Adds a file's facts to a folder's. A shared file (a helper in a parent folder that several apps import) shows
 * what is used, but its reads are not held to any one app's config.
 */
export function mergeCode(into: FolderCode, part: FolderCode, shared: boolean): void {
  for (const read of part.reads) into.reads.push(shared ? { ...read, shared: true } : read);
  for (const name of part.pythonModules) into.pythonModules.add(name);
  for (const name of part.npmPackages) into.npmPackages.add(name);
  for (const word of part.mentions) into.mentions.add(word);
  if (!shared) into.codeFiles += part.codeFiles;
  into.chains ||= part.chains;
  into.wholeEnvironment ||= part.wholeEnvironment;
  into.wholeSecrets ||= part.wholeSecrets;
}
