import type { Finding } from '@secret-hygiene/core';
import type { SourceFile } from '../files/source-file.js';
import { flowScanner, isScript } from './flow.js';
import type { ScanOutput, Scanner } from './scanner.js';

/**
 * Secret flows across functions and files: the whole-program analyzer over every tsconfig project found, plus
 * one program for the scripts no tsconfig claims. It runs the same flow engine as the per-file scanner and sees
 * a superset, so the per-file engine only runs as a fallback: on scripts the analyzer did not cover (a program
 * that failed to load or crashed). Either way each script is analysed once, so no finding is doubled.
 */
export const analyzerScanner: Scanner = {
  name: 'whole-program analyzer',
  deep: true,
  // Whole output: flows cross files; tsconfig.json, package.json and declaration files shape the programs.
  cacheGrain: { reads: (path) => /\.(?:[cm]?[jt]sx?|json)$/i.test(path) },
  wants: (files) => files.some((file) => isScript(file.path)),
  async scan(files, context) {
    const { analyzeFiles } = await import('@secret-hygiene/analyzer'); // loads ts-morph: only when scripts are present
    const options = { ...context.names, extraSecretEnv: [...context.declaredSecretEnv] };
    const scripts = files.filter((file) => isScript(file.path)).length;
    context.progress?.(0, scripts);
    let output: ScanOutput = { findings: [], errors: [] };
    let covered = new Set<string>();
    try {
      const analysed = analyzeFiles({ cwd: context.cwd ?? process.cwd(), files, options, onProgress: context.progress });
      output = { findings: analysed.findings, errors: analysed.errors };
      covered = analysed.covered;
      context.progress?.(covered.size, scripts);
    } catch (error) {
      output.errors.push({ file: '.', message: `${this.name} failed (${(error as Error).message}); scripts were analysed one file at a time` });
    }
    const rest = files.filter((file: SourceFile) => isScript(file.path) && !covered.has(file.path));
    if (rest.length > 0) {
      const fallback = await flowScanner.scan(rest, { ...context, progress: undefined });
      const seen = new Set(output.findings.map(findingKey));
      output.findings.push(...fallback.findings.filter((f) => !seen.has(findingKey(f))));
      output.errors.push(...fallback.errors);
    }
    return output;
  },
};

/** One finding per rule and position, whichever path found it. */
function findingKey(f: Finding): string {
  return `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}`;
}
