import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import type { FindingCollector } from '../findings.js';
import type { FolderCode, PlatformConfig } from '../model.js';
import { pointerSegments } from '../schemas.js';
import { keyText, pairOf, resolve, spanOf, valueOf, isMap, isSeq, type Span, type YamlConfig } from '../yaml-config.js';

/** What every rule of one config file works with. */
export interface ConfigContext {
  target: PlatformConfig;
  code: FolderCode;
  out: FindingCollector;
}

/** A secret name a config declares, with the node to report on. */
export interface Declared {
  name: string;
  span: Span;
  /** Setting path used in fingerprints (`secrets.hf_access_token`). */
  snippet: string;
  /** inference.sh: `optional: true`. */
  optional?: boolean;
}

/**
 * The pair for a top-level section. When YAML repeats the key, the last one wins (as in the platforms' own
 * loaders); every earlier one is reported, because the secrets it declares are silently dropped.
 */
export function topSection(ctx: ConfigContext, key: string): Node | null {
  const { config } = ctx.target;
  const pairs = config.root.items.filter((p) => keyText(p.key) === key);
  for (const pair of pairs.slice(0, -1)) {
    ctx.out.add({
      ruleId: 'config-schema',
      file: config.path,
      span: spanOf(config, pair.key as Node),
      message: `\`${key}\` appears ${pairs.length} times at the top level; YAML keeps only the last one, so what this one declares is ignored. Merge them into one \`${key}\` section.`,
      evidence: key,
      snippet: `duplicate ${key}`,
    });
  }
  const last = pairs[pairs.length - 1];
  return last ? resolve(config, last.value) : null;
}

/** The YAML node an ajv error points at; for a property-name problem, the offending key itself. */
export function nodeForError(config: YamlConfig, error: ErrorObject, base: Node = config.root): Node | null {
  let node: Node | null = base;
  for (const segment of pointerSegments(error.instancePath)) {
    if (isSeq(node)) node = resolve(config, node.items[Number(segment)]);
    else node = valueOf(config, node, segment);
    if (!node) return null;
  }
  const params = error.params as { additionalProperty?: string; propertyName?: string };
  const property = params.additionalProperty ?? params.propertyName ?? error.propertyName;
  if (property !== undefined && isMap(node)) return (pairOf(config, node, property)?.key as Node | undefined) ?? node;
  return node;
}

export function typeName(node: Node | null): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  return 'a single value';
}
