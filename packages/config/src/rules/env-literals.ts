import { defaultNameClassifier, redact } from '@secret-hygiene/core';
import { Scalar, type Node } from 'yaml';
import { displayName, isReference, literalAdvice } from '../literal-nature.js';
import type { Platform } from '../model.js';
import { platformFacts } from '../platforms.js';
import { isMap, isScalar, isSeq, keyText, resolve, spanOf, valueOf, type Span, type YamlConfig } from '../yaml-config.js';
import type { ConfigContext } from './context.js';

/** Where each platform keeps plain environment settings, and what to do instead of a secret there. */
const SECTIONS: Record<Platform, { path: string[]; advice: (name: string) => string }> = {
  truss: {
    path: ['environment_variables'],
    advice: (name) => `environment_variables are for non-secret settings and are committed with config.yaml. Declare \`${name}: null\` under \`secrets:\` (value in Baseten's secret manager) and read it from the secrets mapping or /secrets/${name}.`,
  },
  inference: {
    path: ['env'],
    advice: (name) => `\`env\` holds plain settings and is committed with inf.yml. Declare it under \`secrets:\` as \`- key: ${name}\` with a description; inference.sh injects it as the same environment variable.`,
  },
  cog: {
    path: ['environment'],
    advice: (name) => `cog.yaml \`environment\` is baked into the image (anyone who pulls it can read it). Take ${name} as a \`Secret\` input of predict() instead, or use a build secret mount (\`mounts: [{type: secret, ...}]\`) for build steps.`,
  },
};

interface Setting {
  name: string;
  value: string;
  span: Span;
}

/** The part of a `NAME=value` item after `=`, so the report (and the redaction of its code frame) covers the value. */
function valueSpan(config: YamlConfig, item: Scalar, valueStart: number): Span {
  const range = item.range;
  if (!range) return spanOf(config, item);
  const quoted = item.type === Scalar.QUOTE_DOUBLE || item.type === Scalar.QUOTE_SINGLE ? 1 : 0;
  const start = range[0] + quoted + valueStart;
  const end = Math.max(start, range[1] - quoted);
  return spanOf(config, { range: [start, end, end] });
}

/** `NAME: value` mappings, `- NAME=value` lists and `- {key|name: NAME, value: v}` lists. */
function settings(ctx: ConfigContext, node: Node | null): Setting[] {
  const { config } = ctx.target;
  const out: Setting[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyText(pair.key);
      const value = resolve(config, pair.value);
      if (name && isScalar(value) && typeof value.value === 'string') out.push({ name, value: value.value, span: spanOf(config, value) });
    }
  } else if (isSeq(node)) {
    for (const raw of node.items) {
      const item = resolve(config, raw);
      if (isScalar(item) && typeof item.value === 'string') {
        const eq = item.value.indexOf('=');
        if (eq > 0) out.push({ name: item.value.slice(0, eq).trim(), value: item.value.slice(eq + 1), span: valueSpan(config, item, eq + 1) });
      } else if (isMap(item)) {
        const name = valueOf(config, item, 'key') ?? valueOf(config, item, 'name');
        const value = valueOf(config, item, 'value');
        if (isScalar(name) && isScalar(value) && typeof value.value === 'string') out.push({ name: String(name.value), value: value.value, span: spanOf(config, value) });
      }
    }
  }
  return out;
}

/**
 * A secret-named setting with a value among the plain environment settings (Truss `environment_variables`,
 * inf.yml `env`, cog.yaml `environment`) is config-secret-literal. Empty values and `${VAR}` references are not
 * values; names are judged by the shared name vocabulary (HF_TOKEN yes, HF_HOME and MAX_TOKENS no).
 */
export function checkEnvLiterals(ctx: ConfigContext): void {
  const { config, platform } = ctx.target;
  const section = SECTIONS[platform];
  let node: Node | null = config.root;
  for (const key of section.path) node = valueOf(config, node, key);
  const classifier = defaultNameClassifier();
  for (const setting of settings(ctx, node)) {
    if (setting.value.trim() === '' || isReference(setting.value) || setting.value.includes(platformFacts().truss.secretFileDir) || classifier.classify(setting.name) !== 'secret') continue;
    ctx.out.add({
      ruleId: 'config-secret-literal', file: config.path, span: setting.span, evidence: redact(setting.value), snippet: `${section.path.join('.')}.${setting.name}`,
      message: `\`${displayName(setting.name)}\` looks like a secret but is set in ${section.path.join('.')}. ${section.advice(displayName(setting.name))} ${literalAdvice(setting.value)}`,
    });
  }
}
