import { redact } from '@secret-hygiene/core';
import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import { displayName, literalAdvice } from '../literal-nature.js';
import { platformFacts } from '../platforms.js';
import { validateSections } from '../schemas.js';
import { isMap, isNullNode, isScalar, isSeq, keyText, resolve, scalarString, spanOf, valueOf } from '../yaml-config.js';
import { nodeForError, topSection, typeName, type ConfigContext, type Declared } from './context.js';

const FIX = 'Write each secret as `<name>: null` and keep its value in Baseten\'s secret manager.';

/**
 * Truss `config.yaml` `secrets:`: a mapping of names to null. Reports literals (config-secret-literal), wrong
 * shapes, invalid and duplicate names (config-schema), and returns the declared names for the cross-check.
 */
export function checkTrussSecrets(ctx: ConfigContext): Declared[] {
  const { config } = ctx.target;
  const section = topSection(ctx, 'secrets');
  if (isNullNode(section) || !section) return [];
  const data = { secrets: section.toJS(config.doc, { maxAliasCount: 100 }) as unknown };
  for (const error of validateSections('truss-secrets', data)) reportSchemaError(ctx, error, section);
  if (isSeq(section)) return declaredFromList(ctx, section);
  if (!isMap(section)) return [];

  const declared: Declared[] = [];
  const seen = new Set<string>();
  for (const pair of section.items) {
    const name = keyText(pair.key);
    if (name === undefined) continue;
    const keyNode = pair.key as Node;
    if (seen.has(name)) {
      ctx.out.add({
        ruleId: 'config-schema', file: config.path, span: spanOf(config, keyNode), evidence: displayName(name), snippet: `duplicate secrets.${name}`,
        message: `Secret \`${displayName(name)}\` is declared twice; YAML keeps only the last. Remove the duplicate.`,
      });
    }
    seen.add(name);
    declared.push({ name, span: spanOf(config, keyNode), snippet: `secrets.${name}` });
    checkValue(ctx, name, resolve(config, pair.value), keyNode);
  }
  return declared;
}

function checkValue(ctx: ConfigContext, name: string, value: Node | null, keyNode: Node): void {
  const { config } = ctx.target;
  const shown = displayName(name);
  if (isNullNode(value)) return;
  if (!isScalar(value)) {
    ctx.out.add({
      ruleId: 'config-schema', file: config.path, span: spanOf(config, value ?? keyNode), evidence: shown, snippet: `secrets.${name} value`,
      message: `Secret \`${shown}\` has ${typeName(value)} as its value; Truss expects null. ${FIX}`,
    });
    return;
  }
  const text = scalarString(value) ?? '';
  const truss = platformFacts().truss;
  if (text === truss.chainsPlaceholder && isChain(ctx)) return;
  const span = spanOf(config, value);
  if (text === '') {
    ctx.out.add({
      ruleId: 'config-secret-literal', severity: 'warning', file: config.path, span, evidence: "''", snippet: `secrets.${name}`,
      message: `Secret \`${shown}\` is an empty string, not null: when the secret store has no \`${shown}\`, the model gets '' instead of failing clearly. Write \`${shown}: null\`.`,
    });
    return;
  }
  const quotedNull = /^(?:null|none|~)$/i.test(text) ? ` The quoted "${text}" is a string, not null.` : '';
  ctx.out.add({
    ruleId: 'config-secret-literal', file: config.path, span, evidence: redact(text), snippet: `secrets.${name}`,
    message: `Secret \`${shown}\` has a literal value in config.yaml: Truss uses it whenever the organisation's secret is missing, and it is committed with the repository.${quotedNull} Set \`${shown}: null\` and store the value in Baseten's secret manager. ${literalAdvice(text)}`,
  });
}

/** Truss Chains write `"***"` into the configs they generate: accepted only where a Chain is in sight. */
function isChain(ctx: ConfigContext): boolean {
  return ctx.code.chains || platformFacts().truss.chainsMarkers.some((m) => ctx.target.config.text.includes(m));
}

/** A list where a mapping belongs: still learn the names it meant, so the cross-check does not pile on. */
function declaredFromList(ctx: ConfigContext, list: Node): Declared[] {
  const { config } = ctx.target;
  const declared: Declared[] = [];
  for (const raw of isSeq(list) ? list.items : []) {
    const item = resolve(config, raw);
    let nameNode: Node | null = null;
    if (isScalar(item)) nameNode = item;
    else if (isMap(item)) {
      nameNode = valueOf(config, item, 'name') ?? valueOf(config, item, 'key');
      if (!nameNode && item.items.length === 1) nameNode = item.items[0]!.key as Node;
    }
    const name = scalarString(nameNode);
    if (name) declared.push({ name, span: spanOf(config, nameNode), snippet: `secrets.${name}` });
  }
  return declared;
}

function reportSchemaError(ctx: ConfigContext, error: ErrorObject, section: Node): void {
  const { config } = ctx.target;
  // Values are judged by checkValue (a literal is its own rule); property-name details come with `propertyNames`.
  if (error.instancePath !== '/secrets' || error.propertyName !== undefined) return;
  const node = nodeForError(config, error) ?? section;
  if (error.keyword === 'type') {
    const listHint = isSeq(section) ? ' A list is not accepted: Truss looks secrets up by name.' : '';
    ctx.out.add({
      ruleId: 'config-schema', file: config.path, span: spanOf(config, node), evidence: 'secrets', snippet: 'secrets shape',
      message: `\`secrets\` is ${typeName(section)}; Truss expects a mapping of secret names to null.${listHint} ${FIX}`,
    });
    return;
  }
  if (error.keyword === 'propertyNames') {
    const name = (error.params as { propertyName: string }).propertyName;
    ctx.out.add({
      ruleId: 'config-schema', file: config.path, span: spanOf(config, node), evidence: displayName(name), snippet: `secrets name ${name}`,
      message: `\`${displayName(name)}\` is not a valid Truss secret name: names use only letters, digits, '-', '.' and '_', are at most 253 characters long, and are not '.' or '..'. Rename it here and in the secret manager.`,
    });
  }
}
