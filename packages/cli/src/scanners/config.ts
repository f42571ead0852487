import { isPlatformConfigName } from '@secret-hygiene/config/file-names';
import type { SourceFile } from '../files/source-file.js';
import type { Scanner } from './scanner.js';

/** A file named like a platform config (the validator's own list); only then is the validator worth loading. */
export const isPlatformConfig = isPlatformConfigName;

/**
 * Truss `config.yaml`, inference.sh `inf.yml` and `cog.yaml`, cross-checked against the code beside them. It sees
 * every file of the run and reports the secrets the configs declare, which the code scanners then treat as sources.
 */
export const configScanner: Scanner = {
  name: 'config validator',
  deep: false,
  cacheGrain: { reads: () => true }, // a config's folder may hold code of any kind
  seesEveryShard: true,
  wants: (files) => files.some((file) => isPlatformConfig(file.path)),
  async scan(files, context) {
    const { auditConfigs } = await import('@secret-hygiene/config'); // parses YAML: only when a config is present
    const result = await auditConfigs(files.map((file: SourceFile) => ({ path: file.path, text: file.text })));
    for (const name of result.declaredSecretEnv) context.declaredSecretEnv.add(name);
    return { findings: result.findings, errors: result.errors };
  },
};
