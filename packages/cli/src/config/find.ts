import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../usage-error.js';

/** Looked for in the directory the scan runs in, in this order. */
export const CONFIG_FILE_NAMES = ['.secret-audit.yaml', '.secret-audit.yml', '.secret-audit.json'] as const;

/**
 * The config file of a run: `--config FILE` when given (it must exist), else the first of CONFIG_FILE_NAMES in
 * `cwd`. Only existence checks: a run without a config never loads the YAML parser or the schema validator.
 */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`--config: file not found: ${explicit}`);
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((file) => existsSync(file));
}
