import { catalogDocument } from '@secret-hygiene/core';

/** `rules/platforms.yaml`, as its schema describes it. */
export interface PlatformFacts {
  truss: {
    distinctiveKeys: string[];
    supportingKeys: string[];
    supportingThreshold: number;
    chainsPlaceholder: string;
    chainsMarkers: string[];
    secretEnvPrefix: string;
    secretFileDir: string;
    consumers: Array<{ path: string; default?: string; uses?: string }>;
    shellSettings: string[];
  };
  inference: {
    distinctiveKeys: string[];
    supportingKeys: string[];
    supportingThreshold: number;
    nestedSecrets: string[];
    valueFields: string[];
    integrations: Array<{ match: string; env: string[] }>;
  };
  libraryEnvReads: Array<{ env: string[]; python: string[]; npm: string[] }>;
}

export function platformFacts(): PlatformFacts {
  return catalogDocument<PlatformFacts>('platforms');
}

/** The env vars an inference.sh integration key (`gcp.vertex_ai`, `google.sheets`) injects. */
export function integrationEnv(key: string, facts = platformFacts()): string[] {
  const out: string[] = [];
  for (const entry of facts.inference.integrations) {
    const matches = entry.match.endsWith('.*') ? key.startsWith(entry.match.slice(0, -1)) : key === entry.match;
    if (matches) out.push(...entry.env);
  }
  return out;
}
