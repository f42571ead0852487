import { LineIndex } from '@secret-hygiene/core';
import { emptyFolderCode, type FolderCode } from '../model.js';
import { addDependencyFile } from './dependencies.js';
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
  if (/^requirements.*\.txt$/i.test(base) || base === 'pyproject.toml' || base === 'package.json') return 'dependencies';
  return undefined;
}

const TEST_FILE = /(?:^|\/)(?:tests?|__tests__|spec)\/|(?:^|\/)(?:test_[^/]*\.py|[^/]*_test\.py|conftest\.py|[^/]*\.(?:test|spec)\.[cm]?[jt]sx?)$/;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

/** Reads every code file of one model folder; a file that cannot be read becomes an error, not a stop. */
export async function collectFolderCode(
  files: ReadonlyArray<{ path: string; text: string }>,
  onError: (file: string, message: string) => void,
): Promise<FolderCode> {
  const code = emptyFolderCode();
  for (const { path, text } of files) {
    const language = codeLanguage(path);
    if (!language || text.length > MAX_CODE_BYTES) continue;
    try {
      if (language === 'python') await addPythonFile(path, text, code);
      else if (language === 'js') await addJavaScriptFile(path, text, code);
      else if (language === 'shell') addShellFile(path, text, new LineIndex(text), code);
      else addDependencyFile(path, text, code);
    } catch (error) {
      onError(path, `could not read secret accesses from this file: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  for (const read of code.reads) if (isTestFile(read.file)) read.inTest = true;
  return code;
}
