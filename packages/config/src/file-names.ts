import type { Platform } from './model.js';

/**
 * The file names each platform reads its config from. Kept free of imports so the CLI can decide whether the
 * validator is needed without loading it (`@secret-hygiene/config/file-names`).
 */
export const CONFIG_FILE_NAMES: Readonly<Record<string, Platform>> = {
  'config.yaml': 'truss',
  'config.yml': 'truss',
  'inf.yml': 'inference',
  'inf.yaml': 'inference',
  'cog.yaml': 'cog',
  'cog.yml': 'cog',
};

/** Whether a path's file name is one a platform config may have (its keys decide later). */
export function isPlatformConfigName(path: string): boolean {
  return Object.hasOwn(CONFIG_FILE_NAMES, path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
}
