import type { YAMLMap } from 'yaml';
import type { Platform } from './model.js';
import { CONFIG_FILE_NAMES as FILE_NAMES } from './file-names.js';
import { platformFacts } from './platforms.js';
import { keyText } from './yaml-config.js';

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The platform a file name suggests; `config.yaml` is only a candidate until its keys say Truss. */
export function platformByName(path: string): Platform | undefined {
  return FILE_NAMES[baseName(path)];
}

interface KeySignature {
  distinctiveKeys: string[];
  supportingKeys: string[];
  supportingThreshold: number;
}

/** Files named like a platform's config that hold something else (other tools' config.yaml or inf.yml) are skipped. */
function signature(platform: Platform): KeySignature | undefined {
  const facts = platformFacts();
  return platform === 'truss' ? facts.truss : platform === 'inference' ? facts.inference : undefined;
}

/** Do these top-level keys make the file the platform's config? (cog.yaml is always Cog's.) */
export function isPlatformConfig(platform: Platform, keys: Iterable<string>): boolean {
  const sig = signature(platform);
  if (!sig) return true;
  const { distinctiveKeys, supportingKeys, supportingThreshold } = sig;
  let supporting = 0;
  for (const key of keys) {
    if (distinctiveKeys.includes(key)) return true;
    if (supportingKeys.includes(key)) supporting++;
  }
  return supporting >= supportingThreshold;
}

export function topLevelKeys(root: YAMLMap): string[] {
  return root.items.map((p) => keyText(p.key)).filter((k): k is string => k !== undefined);
}

/** For a file we could not parse: do its top-level lines name the platform's keys? (Then its errors are ours.) */
export function looksLikePlatformConfig(platform: Platform, text: string): boolean {
  const keys = [...text.slice(0, 256 * 1024).matchAll(/^([a-z_]+)\s*:/gm)].map((m) => m[1]!);
  return isPlatformConfig(platform, keys);
}
