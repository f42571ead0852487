import type { Finding, InputError } from '@secret-hygiene/core';
import { codeLanguage, fileCode, mergeCode } from './code/folder.js';
import { folderOf, isPlatformConfig, looksLikePlatformConfig, platformByName, topLevelKeys } from './detect.js';
import { FindingCollector } from './findings.js';
import { containsCredential, safeMessage } from './literal-nature.js';
import { emptyFolderCode, type FolderCode, type PlatformConfig } from './model.js';
import { platformFacts } from './platforms.js';
import type { ConfigContext } from './rules/context.js';
import { checkEnvLiterals } from './rules/env-literals.js';
import { infCrossCheck } from './rules/inf-cross-check.js';
import { checkInfSecrets } from './rules/inf-secrets.js';
import { checkTrussSecrets } from './rules/truss-secrets.js';
import { trussCrossCheck } from './rules/truss-cross-check.js';
import { isInputError, NOT_A_MAPPING, parseConfig } from './yaml-config.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A name fit for the flow engine: an env var name that is not itself a pasted credential. */
const isEnvName = (name: string): boolean => ENV_NAME.test(name) && !containsCredential(name);

export interface SourceFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  text: string;
}

export interface ConfigAudit {
  findings: Finding[];
  errors: InputError[];
  /** Env var names that config files declare as secrets, for the flow engine's `extraSecretEnv`. */
  declaredSecretEnv: string[];
}

/** Recognises the platform configs among `files`; config.yaml files that are not Truss's are left alone. */
function findConfigs(files: readonly SourceFile[], errors: InputError[]): PlatformConfig[] {
  const configs: PlatformConfig[] = [];
  for (const file of files) {
    const platform = platformByName(file.path);
    if (!platform) continue;
    const parsed = parseConfig(file.path, file.text);
    if (isInputError(parsed)) {
      const notAMapping = parsed.message.startsWith(NOT_A_MAPPING);
      if (platform === 'cog' || (!notAMapping && looksLikePlatformConfig(platform, file.text))) errors.push(parsed);
      continue;
    }
    if (!isPlatformConfig(platform, topLevelKeys(parsed.root))) continue;
    configs.push({ platform, config: parsed, folder: folderOf(file.path) });
  }
  return configs;
}

/**
 * Each code file goes to the nearest enclosing model folder. Code in no model folder but in a folder above one
 * (a helper shared by several apps) is offered to every model folder below it as shared code.
 */
function groupCode(files: readonly SourceFile[], folders: Set<string>): { own: Map<string, SourceFile[]>; shared: SourceFile[] } {
  const own = new Map<string, SourceFile[]>();
  const shared: SourceFile[] = [];
  for (const file of files) {
    if (!codeLanguage(file.path)) continue;
    let home: string | undefined;
    for (let dir = folderOf(file.path); ; dir = folderOf(dir)) {
      if (folders.has(dir)) {
        home = dir;
        break;
      }
      if (dir === '') break;
    }
    if (home === undefined) shared.push(file);
    else own.set(home, [...(own.get(home) ?? []), file]);
  }
  return { own, shared };
}

function isAncestor(dir: string, folder: string): boolean {
  return dir === '' ? folder !== '' : folder.startsWith(`${dir}/`);
}

/**
 * Validates every Truss `config.yaml`, inference.sh `inf.yml` and Cog `cog.yaml` among `files`, and checks each
 * against the code in its model folder. Bad input becomes an `errors` entry; nothing here throws for it.
 */
export async function auditConfigs(files: ReadonlyArray<SourceFile>): Promise<ConfigAudit> {
  const errors: InputError[] = [];
  const out = new FindingCollector();
  const declaredSecretEnv = new Set<string>();
  const configs = findConfigs(files, errors);
  const needsCode = new Set(configs.filter((c) => c.platform !== 'cog').map((c) => c.folder));
  const groups = groupCode(files, new Set(configs.map((c) => c.folder)));
  const codeByFolder = new Map<string, FolderCode>();
  const fileFacts = new Map<string, Promise<FolderCode | undefined>>();
  const factsOf = (file: SourceFile): Promise<FolderCode | undefined> => {
    let facts = fileFacts.get(file.path);
    if (!facts) {
      facts = fileCode(file.path, file.text).catch((error: unknown) => {
        errors.push({ file: file.path, message: `could not read secret accesses from this file: ${(error as Error).message.split('\n')[0]}` });
        return undefined;
      });
      fileFacts.set(file.path, facts);
    }
    return facts;
  };
  const folderCode = async (folder: string): Promise<FolderCode> => {
    const code = emptyFolderCode();
    for (const file of groups.own.get(folder) ?? []) {
      const part = await factsOf(file);
      if (part) mergeCode(code, part, false);
    }
    for (const file of groups.shared) {
      if (!isAncestor(folderOf(file.path), folder)) continue;
      const part = await factsOf(file);
      if (part) mergeCode(code, part, true);
    }
    return code;
  };

  for (const target of configs) {
    let code = codeByFolder.get(target.folder);
    if (!code) {
      code = needsCode.has(target.folder) ? await folderCode(target.folder) : emptyFolderCode();
      codeByFolder.set(target.folder, code);
    }
    const ctx: ConfigContext = { target, code, out };
    try {
      checkEnvLiterals(ctx);
      if (target.platform === 'truss') {
        const declared = checkTrussSecrets(ctx);
        trussCrossCheck(ctx, declared);
        for (const d of declared) if (isEnvName(d.name)) declaredSecretEnv.add(`${platformFacts().truss.secretEnvPrefix}${d.name}`);
      } else if (target.platform === 'inference') {
        const declarations = checkInfSecrets(ctx);
        infCrossCheck(ctx, declarations);
        for (const d of declarations.secrets) if (isEnvName(d.name)) declaredSecretEnv.add(d.name);
        for (const name of declarations.provided) declaredSecretEnv.add(name);
      }
    } catch (error) {
      errors.push({ file: target.config.path, message: `internal error while validating this config: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  const findings = out.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { findings, errors: errors.map((e) => ({ file: e.file, message: safeMessage(e.message) })), declaredSecretEnv: [...declaredSecretEnv].sort() };
}
