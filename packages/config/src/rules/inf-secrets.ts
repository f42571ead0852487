import { defaultNameClassifier, redact } from '@secret-hygiene/core';
import type { ErrorObject } from 'ajv';
import type { Node, YAMLMap } from 'yaml';
import { displayName, literalAdvice } from '../literal-nature.js';
import { integrationEnv, platformFacts } from '../platforms.js';
import { validateSections } from '../schemas.js';
import { isMap, isNullNode, isScalar, isSeq, keyText, resolve, scalarString, spanOf, valueOf, type YamlConfig } from '../yaml-config.js';
import { nodeForError, topSection, typeName, type ConfigContext, type Declared } from './context.js';

const ENTRY_SHAPE = '`- key: NAME` with `description:` and `optional:`';

/** What an inf.yml makes available to the app as environment variables. */
export interface InfDeclarations {
  /** `secrets[].key`, checked for use. */
  secrets: Declared[];
  /** Env vars that integrations and `credentials:` inject: available, not checked for use. */
  provided: Set<string>;
  /** `SLACK_` for an integration `slack.bot` the catalog does not map: its variables are presumably injected. */
  providedPrefixes: string[];
  /** The provided variables that hold secrets (not `GCP_PROJECT_NUMBER`), for the flow analyses. */
  providedSecrets: Set<string>;
}

/**
 * inference.sh `inf.yml`: `secrets` is a list of `{key, description?, optional?}`, `integrations` a list of
 * `{key, ...}`, `credentials` a list of `{provider, secrets: [ENV...]}`. Reports literals, missing descriptions,
 * wrong shapes, unknown fields and duplicate keys.
 */
export function checkInfSecrets(ctx: ConfigContext): InfDeclarations {
  const { config } = ctx.target;
  const sections = { secrets: topSection(ctx, 'secrets'), integrations: topSection(ctx, 'integrations'), credentials: topSection(ctx, 'credentials') };
  const nested = sections.secrets ? undefined : nestedSecrets(config);
  if (nested) sections.secrets = nested.node;
  const data: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(sections)) if (node && !(key === 'secrets' && nested)) data[key] = node.toJS(config.doc, { maxAliasCount: 100 });
  for (const error of validateSections('inf-secrets', data)) reportSchemaError(ctx, error, config.root);
  if (nested) {
    const secrets = { secrets: nested.node.toJS(config.doc, { maxAliasCount: 100 }) as unknown };
    for (const error of validateSections('inf-secrets', secrets)) reportSchemaError(ctx, error, nested.parent);
  }

  const secrets = isSeq(sections.secrets) ? entries(config, sections.secrets).flatMap((e) => checkEntry(ctx, e)) : isMap(sections.secrets) ? declaredFromMapping(config, sections.secrets) : [];
  reportDuplicates(ctx, secrets);
  const provided = new Set<string>();
  const providedPrefixes: string[] = [];
  const providedSecrets = new Set<string>();
  if (isSeq(sections.integrations)) {
    for (const entry of entries(config, sections.integrations)) {
      const key = scalarString(valueOf(config, entry, 'key'));
      if (!key) continue;
      const env = integrationEnv(key);
      for (const name of env) {
        provided.add(name);
        if (defaultNameClassifier().classify(name) !== 'no') providedSecrets.add(name);
      }
      if (env.length === 0) providedPrefixes.push(`${key.split('.')[0]!.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`);
    }
  }
  if (isSeq(sections.credentials)) {
    for (const entry of entries(config, sections.credentials)) {
      const names = valueOf(config, entry, 'secrets');
      for (const item of isSeq(names) ? names.items : []) {
        const name = scalarString(resolve(config, item));
        if (name) {
          provided.add(name);
          providedSecrets.add(name);
        }
      }
    }
  }
  return { secrets, provided, providedPrefixes, providedSecrets };
}

/** `requirements.secrets` and other places where inf.yml files in the wild declare secrets. */
function nestedSecrets(config: YamlConfig): { node: Node; parent: Node } | undefined {
  for (const path of platformFacts().inference.nestedSecrets) {
    const segments = path.split('.');
    let parent: Node | null = config.root;
    for (const segment of segments.slice(0, -1)) parent = valueOf(config, parent, segment);
    const node = parent ? valueOf(config, parent, segments[segments.length - 1]!) : null;
    if (parent && node && !isNullNode(node)) return { node, parent };
  }
  return undefined;
}

function entries(config: YamlConfig, list: Node): YAMLMap[] {
  return (isSeq(list) ? list.items : []).map((item) => resolve(config, item)).filter((item): item is YAMLMap => isMap(item));
}

function checkEntry(ctx: ConfigContext, entry: YAMLMap): Declared[] {
  const { config } = ctx.target;
  const keyNode = valueOf(config, entry, 'key');
  const key = scalarString(keyNode);
  const shown = key === undefined ? 'A secret' : `Secret \`${displayName(key)}\``;
  const anchor = keyNode ?? (entry.items[0]?.key as Node | undefined) ?? entry;

  const description = valueOf(config, entry, 'description');
  if (isNullNode(description) || (isScalar(description) && String(description.value).trim() === '')) {
    ctx.out.add({
      ruleId: 'config-secret-description', file: config.path, span: spanOf(config, description ?? anchor), evidence: key ? displayName(key) : 'secrets', snippet: `secrets.${key ?? '?'}.description`,
      message: `${shown} has no description. The person who supplies it sees the description: say what it is for and where to get it (for example, which account and access it needs).`,
    });
  }
  for (const pair of entry.items) {
    const field = keyText(pair.key);
    if (field === undefined || !platformFacts().inference.valueFields.includes(field.toLowerCase())) continue;
    const value = resolve(config, pair.value);
    const text = scalarString(value);
    if (text === undefined || text.trim() === '') continue;
    ctx.out.add({
      ruleId: 'config-secret-literal', file: config.path, span: spanOf(config, value), evidence: redact(text), snippet: `secrets.${key ?? '?'}.${field}`,
      message: `${shown} has a \`${field}\` in inf.yml: inf.yml declares secrets, it never holds their values, and this file is committed. Remove \`${field}\`; users supply the value (infsh secrets set ${key ?? 'NAME'} …). ${literalAdvice(text)}`,
    });
  }
  if (key === undefined) return [];
  const optional = valueOf(config, entry, 'optional');
  return [{ name: key, span: spanOf(config, keyNode), snippet: `secrets.${key}`, optional: isScalar(optional) && optional.value === true }];
}

/** A mapping where a list belongs: learn the names it meant (`API_KEY: description`). */
function declaredFromMapping(config: YamlConfig, map: YAMLMap): Declared[] {
  return map.items.flatMap((pair) => {
    const name = keyText(pair.key);
    return name ? [{ name, span: spanOf(config, pair.key as Node), snippet: `secrets.${name}` }] : [];
  });
}

function reportDuplicates(ctx: ConfigContext, secrets: Declared[]): void {
  const seen = new Set<string>();
  for (const secret of secrets) {
    if (seen.has(secret.name)) {
      ctx.out.add({
        ruleId: 'config-schema', file: ctx.target.config.path, span: secret.span, evidence: displayName(secret.name), snippet: `duplicate secrets.${secret.name}`,
        message: `Secret \`${displayName(secret.name)}\` is declared twice in inf.yml. Keep one entry.`,
      });
    }
    seen.add(secret.name);
  }
}

function reportSchemaError(ctx: ConfigContext, error: ErrorObject, base: Node): void {
  const { config } = ctx.target;
  const node = nodeForError(config, error, base);
  const message = schemaMessage(error, node);
  if (!message || !node) return;
  const where = error.instancePath.slice(1).replace(/\//g, '.') || 'inf.yml';
  const field = (error.params as { additionalProperty?: string }).additionalProperty;
  ctx.out.add({ ruleId: 'config-schema', file: config.path, span: spanOf(config, node), evidence: field === undefined ? where : displayName(field), snippet: `${where} ${error.keyword} ${JSON.stringify(error.params)}`, message });
}

/** A message that says how to fix the shape; undefined for what another rule reports better. */
function schemaMessage(error: ErrorObject, node: Node | null): string | undefined {
  const path = error.instancePath;
  const section = path.split('/')[1] ?? '';
  const params = error.params as { missingProperty?: string; additionalProperty?: string; type?: string };
  if (/\/description$/.test(path) || params.missingProperty === 'description') return undefined; // config-secret-description
  if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
    if (section === 'secrets' && platformFacts().inference.valueFields.includes(params.additionalProperty.toLowerCase())) return undefined; // config-secret-literal
    return `Unknown field \`${displayName(params.additionalProperty)}\` in a \`${section}\` entry; entries take only key, description and optional. Remove it or fix its spelling.`;
  }
  if (error.keyword === 'type' && /^\/[a-z]+$/.test(path)) {
    return `\`${section}\` is ${typeName(node)}; inf.yml expects a list of entries (${ENTRY_SHAPE}).`;
  }
  if (error.keyword === 'type' && /^\/[a-z]+\/\d+$/.test(path)) {
    return `Each \`${section}\` entry is a mapping (${ENTRY_SHAPE}), not ${typeName(node)}.`;
  }
  if (error.keyword === 'required') return `A \`${section}\` entry has no \`${params.missingProperty}\`. Add it.`;
  if (/\/key$/.test(path)) {
    return section === 'secrets'
      ? 'A secret `key` is the environment variable the app reads: letters, digits and _ only, not starting with a digit (UPPER_SNAKE by convention).'
      : `This \`${section}\` key is not a valid identifier.`;
  }
  if (/\/optional$/.test(path)) return '`optional` is true or false (unquoted).';
  if (/\/secrets\/\d+$/.test(path) && section === 'credentials') return 'Credential `secrets` lists environment variable names.';
  if (/\/provider$/.test(path)) return '`provider` names the credential provider as a string.';
  return undefined;
}
