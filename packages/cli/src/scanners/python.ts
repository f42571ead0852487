import type { Finding } from '@secret-hygiene/core';
import type { ScanOutput, Scanner } from './scanner.js';

/** The entry point `@secret-hygiene/python` provides for whole-file Python flow findings. */
interface PythonModule {
  pythonFindings(file: string, text: string, options?: { extraSecretEnv?: string[] }): Finding[] | Promise<Finding[]>;
}

export function isPython(path: string): boolean {
  return /\.pyi?$/i.test(path);
}

/** Secret flows in Python model code (Cog predictors, Truss models, inference.sh apps) through tree-sitter. */
export const pythonScanner: Scanner = {
  name: 'python front end',
  deep: true,
  wants: (files) => files.some((file) => isPython(file.path)),
  async scan(files, context) {
    const module = (await import('@secret-hygiene/python')) as unknown as Partial<PythonModule>;
    const pythonFindings = module.pythonFindings;
    if (typeof pythonFindings !== 'function') return { findings: [], errors: [] };
    const options = { extraSecretEnv: [...context.declaredSecretEnv] };
    const output: ScanOutput = { findings: [], errors: [] };
    // One file at a time: the tree-sitter parser is shared, and an exception stays with its file.
    for (const file of files.filter((f) => isPython(f.path))) {
      try {
        output.findings.push(...(await pythonFindings(file.path, file.text, options)));
      } catch (error) {
        output.errors.push({ file: file.path, message: `${this.name} could not analyse this file: ${(error as Error).message}` });
      }
    }
    return output;
  },
};
