import type { Span, YamlConfig } from './yaml-config.js';

export type Platform = 'truss' | 'inference' | 'cog';

/** A config file recognised as one of the platforms', with the folder whose code it governs. */
export interface PlatformConfig {
  platform: Platform;
  config: YamlConfig;
  /** The model folder ('' for the scan root), `/`-separated. */
  folder: string;
}

export type CodeReadKind = 'env' | 'truss-secret' | 'secret-file' | 'secret-param';

/** A place where model code (or a shell command) asks for a secret by name. */
export interface CodeRead {
  kind: CodeReadKind;
  name: string;
  file: string;
  span: Span;
  /** How it was asked: `subscript` raises when missing (Python), `get`/`getenv`/`property` do not. */
  form: string;
  guarded?: boolean;
  /** Read in a test file: it shows the secret is used, but tests run on a laptop, not on the platform. */
  inTest?: boolean;
  /** Read in a helper outside the model folder that several apps share: a use, not held to this config. */
  shared?: boolean;
  /** The language the read is written in, for messages that show the fix. */
  language: 'python' | 'js' | 'shell' | 'yaml';
}

/** What the code of one model folder reveals about secrets. */
export interface FolderCode {
  reads: CodeRead[];
  /** Python import names and requirement names (normalised to `a_b`), npm package names. */
  pythonModules: Set<string>;
  npmPackages: Set<string>;
  /** String literals and shell words: a declared name that appears here is passed around as data, so it is used. */
  mentions: Set<string>;
  /** Files that can read secrets (Python, JS/TS, shell). With none, nothing can be called unused. */
  codeFiles: number;
  /** Some Python file imports a Truss Chains marker. */
  chains: boolean;
  /** Some file hands the whole environment over (`env=os.environ`, `{...process.env}`): any variable may be read. */
  wholeEnvironment: boolean;
  /** Some file hands the Truss secrets mapping over or iterates it (`os.environ.update(self._secrets)`). */
  wholeSecrets: boolean;
}

export function emptyFolderCode(): FolderCode {
  return { reads: [], pythonModules: new Set(), npmPackages: new Set(), mentions: new Set(), codeFiles: 0, chains: false, wholeEnvironment: false, wholeSecrets: false };
}
