import { type Finding, LineIndex } from '@secret-hygiene/core';
import type { PythonJob } from '@secret-hygiene/python';
import type { SourceFile } from '../files/source-file.js';
import { remapToNotebook } from '../notebook/remap.js';
import { isNotebook, notebookProgram, type NotebookSegment } from '../notebook/segments.js';
import type { ScanOutput, Scanner } from './scanner.js';

export function isPython(path: string): boolean {
  return /\.pyi?$/i.test(path);
}

/** A notebook's code cells run as one Python program; undefined when it is not JSON (the token scanner says so). */
function notebookOf(file: SourceFile): NotebookSegment | undefined {
  try {
    return notebookProgram(file.text);
  } catch {
    return undefined;
  }
}

/** Secret flows in Python model code (Cog predictors, Truss models, inference.sh apps) and notebooks, via tree-sitter. */
export const pythonScanner: Scanner = {
  name: 'python front end',
  deep: true,
  overlaps: true,
  // Whole output: a file's flows follow calls into the helper modules it imports.
  cacheGrain: { reads: (path) => isPython(path) || isNotebook(path) },
  wants: (files) => files.some((file) => isPython(file.path) || isNotebook(file.path)),
  async scan(files, context) {
    const { pythonFindingsForFiles } = await import('@secret-hygiene/python'); // loads tree-sitter: only when needed
    const sources: SourceFile[] = [];
    const programs: Array<NotebookSegment | undefined> = [];
    const jobs: PythonJob[] = [];
    for (const file of files) {
      const program = isNotebook(file.path) ? notebookOf(file) : undefined;
      if (!program && !isPython(file.path)) continue;
      sources.push(file);
      programs.push(program);
      jobs.push({ file: file.path, text: program ? program.text : file.text });
    }
    const options = { ...context.names, extraSecretEnv: [...context.declaredSecretEnv], ...(context.cwd ? { root: context.cwd } : {}) };
    // Large runs are shared with worker threads; an exception on one file stays with that file.
    const running = pythonFindingsForFiles(jobs, options);
    context.started?.(); // large runs are on worker threads now
    const results = await running;
    context.progress?.(jobs.length, jobs.length);
    const output: ScanOutput = { findings: [], errors: [] };
    results.forEach((result, i) => {
      const file = sources[i]!;
      const program = programs[i];
      if ('error' in result) output.errors.push({ file: file.path, message: `${this.name} could not analyse this file: ${result.error}` });
      else output.findings.push(...(program ? remapNotebook(result.findings, program, file) : result.findings));
    });
    return output;
  },
};

function remapNotebook(findings: Finding[], program: NotebookSegment, file: SourceFile): Finding[] {
  return findings.length === 0 ? findings : remapToNotebook(findings, program, new LineIndex(file.text));
}
