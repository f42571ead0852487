import { scanEach, type Scanner } from './scanner.js';

const SCRIPT_EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export function isScript(path: string): boolean {
  return SCRIPT_EXTENSIONS.test(path) && !path.endsWith('.d.ts');
}

/** Secret -> log / error / output / plain-HTTP flows in JavaScript and TypeScript, one file at a time. */
export const flowScanner: Scanner = {
  name: 'flow engine',
  deep: true,
  wants: (files) => files.some((file) => isScript(file.path)),
  async scan(files, context) {
    const { flowFindings } = await import('@secret-hygiene/flow'); // loads the typescript package: only when needed
    const options = { ...context.names, extraSecretEnv: [...context.declaredSecretEnv] };
    return scanEach(
      this.name,
      files.filter((file) => isScript(file.path)),
      (file) => flowFindings(file.path, file.text, options),
      context.progress,
    );
  },
};
