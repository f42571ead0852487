import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { FlowOptions } from '@secret-hygiene/flow';

/** Where users set flow options once for every rule: `settings: { 'secret-hygiene': { extraLoggers: [...] } }`. */
export const SETTINGS_KEY = 'secret-hygiene';

const FLOW_OPTION_KEYS = [
  'extraLoggers',
  'extraEntryPoints',
  'extraSecretTypes',
  'extraSanitizers',
  'extraSecretEnv',
] as const satisfies ReadonlyArray<keyof FlowOptions>;

const nameList: JSONSchema4 = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

/** The option object every flow rule accepts (the same keys as `settings['secret-hygiene']`). */
export const flowOptionsSchema: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(FLOW_OPTION_KEYS.map((key) => [key, nameList])),
  },
];

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Rule options joined with the shared settings: lists add up, so a logger declared in settings
 * stays known to a rule that configures its own extra names.
 */
export function resolveFlowOptions(ruleOptions: FlowOptions | undefined, settings: unknown): FlowOptions {
  const shared = (settings as Record<string, unknown> | undefined)?.[SETTINGS_KEY] as Record<string, unknown> | undefined;
  // Four rules ask on every file, nearly always with nothing configured.
  if (shared === undefined && (ruleOptions === undefined || Object.keys(ruleOptions).length === 0)) return {};
  const resolved: FlowOptions = {};
  for (const key of FLOW_OPTION_KEYS) {
    const names = [...new Set([...stringList(shared?.[key]), ...stringList(ruleOptions?.[key])])];
    if (names.length > 0) resolved[key] = names.sort();
  }
  return resolved;
}
