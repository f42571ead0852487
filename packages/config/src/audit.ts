import type { Finding, InputError } from '@secret-hygiene/core';
import { ModelFolders, type SourceFile } from './code/model-folders.js';
import { folderOf, isPlatformConfig, looksLikePlatformConfig, platformByName, topLevelKeys } from './detect.js';
import { FindingCollector } from './findings.js';
import { containsCredential, safeMessage } from './literal-nature.js';
import { emptyFolderCode, type PlatformConfig } from './model.js';
import { platformFacts } from './platforms.js';
import type { ConfigContext } from './rules/context.js';
import { checkEnvLiterals } from './rules/env-literals.js';
import { infCrossCheck } from './rules/inf-cross-check.js';
import { checkInfSecrets } from './rules/inf-secrets.js';
import { checkTrussSecrets } from './rules/truss-secrets.js';
import { trussCrossCheck } from './rules/truss-cross-check.js';
import { isInputError, NOT_A_MAPPING, parseConfig } from './yaml-config.js';

export type { SourceFile };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A name fit for the flow engine: an env var name that is not itself a pasted credential. */
const isEnvName = (name: string): boolean => ENV_NAME.test(name) && !containsCredential(name);

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
 * Validates every Truss `config.yaml`, inference.sh `inf.yml` and Cog `cog.yaml` among `files`, and checks each
 * against the code in its model folder. Bad input becomes an `errors` entry; nothing here throws for it.
 */
export async function auditConfigs(files: ReadonlyArray<SourceFile>): Promise<ConfigAudit> {
  const errors: InputError[] = [];
  const out = new FindingCollector();
  const declaredSecretEnv = new Set<string>();
  const configs = findConfigs(files, errors);
  const folders = new ModelFolders(files, new Set(configs.map((c) => c.folder)), errors);
  for (const target of configs) {
    // Cog declares no runtime secrets, so its code is never needed.
    const code = target.platform === 'cog' ? emptyFolderCode() : await folders.code(target.folder);
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
        for (const name of declarations.providedSecrets) declaredSecretEnv.add(name);
      }
    } catch (error) {
      errors.push({ file: target.config.path, message: `internal error while validating this config: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  const findings = out.findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return { findings, errors: errors.map((e) => ({ file: e.file, message: safeMessage(e.message) })), declaredSecretEnv: [...declaredSecretEnv].sort() };
}
