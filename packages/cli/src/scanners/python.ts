import { type Finding, LineIndex } from '@secret-hygiene/core';
import type { pythonFindings } from '@secret-hygiene/python';
import type { SourceFile } from '../files/source-file.js';
import { remapToNotebook } from '../notebook/remap.js';
import { isNotebook, notebookProgram } from '../notebook/segments.js';
import type { ScanOutput, Scanner } from './scanner.js';

type PythonFindings = typeof pythonFindings;

export function isPython(path: string): boolean {
  return /\.pyi?$/i.test(path);
}

/** A notebook's code cells run as one Python program; findings go back to their cell's lines. */
async function notebookFindings(file: SourceFile, analyse: PythonFindings, options: Parameters<PythonFindings>[2]): Promise<Finding[]> {
  let program;
  try {
    program = notebookProgram(file.text);
  } catch {
    return []; // not JSON: the token scanner reports the notebook as unreadable
  }
  if (!program) return [];
  return remapToNotebook(await analyse(file.path, program.text, options), program, new LineIndex(file.text));
}

/** Secret flows in Python model code (Cog predictors, Truss models, inference.sh apps) and notebooks, via tree-sitter. */
export const pythonScanner: Scanner = {
  name: 'python front end',
  deep: true,
  // Whole output: a file's flows follow calls into the helper modules it imports.
  cacheGrain: { reads: (path) => isPython(path) || isNotebook(path) },
  wants: (files) => files.some((file) => isPython(file.path) || isNotebook(file.path)),
  async scan(files, context) {
    const { pythonFindings: analyse } = await import('@secret-hygiene/python'); // loads tree-sitter: only when needed
    const options = { ...context.names, extraSecretEnv: [...context.declaredSecretEnv] };
    const output: ScanOutput = { findings: [], errors: [] };
    const mine = files.filter((f) => isPython(f.path) || isNotebook(f.path));
    // One file at a time: the tree-sitter parser is shared, and an exception stays with its file.
    for (const [index, file] of mine.entries()) {
      try {
        const found = isNotebook(file.path) ? await notebookFindings(file, analyse, options) : await analyse(file.path, file.text, options);
        output.findings.push(...found);
      } catch (error) {
        output.errors.push({ file: file.path, message: `${this.name} could not analyse this file: ${(error as Error).message}` });
      }
      context.progress?.(index + 1, mine.length);
    }
    return output;
  },
};
