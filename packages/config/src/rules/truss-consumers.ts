import type { Node } from 'yaml';
import { platformFacts } from '../platforms.js';
import { isMap, isScalar, isSeq, keyText, resolve, scalarString, spanOf, valueOf, type Span, type YamlConfig } from '../yaml-config.js';

/** A setting that names a Truss secret (`model_cache[0].runtime_secret_name: hf_token`). */
export interface ConsumerUse {
  name: string;
  setting: string;
  /** Where it is written; absent when the platform's default name applies. */
  span?: Span;
}

/** Follows a catalog path (`model_cache[].runtime_secret_name`, `build.secret_to_path_mapping{}`) through the config. */
export function trussConsumers(config: YamlConfig): ConsumerUse[] {
  const uses: ConsumerUse[] = [];
  for (const consumer of platformFacts().truss.consumers) {
    const segments = consumer.path.split('.');
    const last = segments.pop()!;
    let parents: Node[] = [config.root];
    for (const segment of segments) parents = parents.flatMap((node) => step(config, node, segment));
    for (const parent of parents) {
      if (consumer.uses) {
        if (valueOf(config, parent, last) !== null) uses.push({ name: consumer.uses, setting: consumer.path });
        continue;
      }
      if (last.endsWith('{}')) {
        const map = valueOf(config, parent, last.slice(0, -2));
        for (const pair of isMap(map) ? map.items : []) {
          const name = keyText(pair.key);
          if (name) uses.push({ name, setting: consumer.path, span: spanOf(config, pair.key as Node) });
        }
        continue;
      }
      const node = valueOf(config, parent, last);
      const name = scalarString(node);
      if (name) uses.push({ name, setting: consumer.path, span: spanOf(config, node) });
      else if (consumer.default && isMap(parent)) uses.push({ name: consumer.default, setting: consumer.path });
    }
  }
  return uses;
}

function step(config: YamlConfig, node: Node, segment: string): Node[] {
  if (segment.endsWith('[]')) {
    const list = valueOf(config, node, segment.slice(0, -2));
    return isSeq(list) ? list.items.map((i) => resolve(config, i)).filter((i): i is Node => isMap(i)) : [];
  }
  const child = valueOf(config, node, segment);
  return child && (isMap(child) || isScalar(child)) ? [child] : [];
}

/** Shell text of settings such as `docker_server.start_command` and `build_commands[]`, with their nodes. */
export function trussShellSettings(config: YamlConfig): Array<{ node: Node; text: string; setting: string }> {
  const out: Array<{ node: Node; text: string; setting: string }> = [];
  for (const path of platformFacts().truss.shellSettings) {
    const segments = path.split('.');
    let nodes: Node[] = [config.root];
    for (const segment of segments) {
      nodes = nodes.flatMap((node) => {
        const key = segment.replace(/\[\]$/, '');
        const child = valueOf(config, node, key);
        if (!segment.endsWith('[]')) return child ? [child] : [];
        return isSeq(child) ? child.items.map((i) => resolve(config, i)).filter((i): i is Node => i !== null) : [];
      });
    }
    for (const node of nodes) if (isScalar(node) && node.range) out.push({ node, text: config.text.slice(node.range[0], node.range[1]), setting: path.replace(/\[\]$/, '') });
  }
  return out;
}

export { keyText };
