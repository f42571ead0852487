import type { CodeRead } from '../model.js';
import { displayName } from '../literal-nature.js';
import { platformFacts } from '../platforms.js';
import { shellReads } from '../code/shell.js';
import { pairOf, valueOf } from '../yaml-config.js';
import type { ConfigContext, Declared } from './context.js';
import { trussConsumers, trussShellSettings } from './truss-consumers.js';

/** The Truss secret a read asks for, if it asks for one: mapping keys, /secrets files, TRUSS_SECRET_ env vars. */
function trussSecretName(read: CodeRead): string | undefined {
  if (read.kind === 'truss-secret' || read.kind === 'secret-file') return read.name;
  const prefix = platformFacts().truss.secretEnvPrefix;
  if (read.kind === 'env' && read.name.startsWith(prefix)) return read.name.slice(prefix.length);
  return undefined;
}

function howToRead(read: CodeRead): string {
  if (read.kind === 'secret-file') return `the file /secrets/${displayName(read.name)} is not mounted`;
  if (read.language === 'python' && read.kind === 'truss-secret' && read.form !== 'env') {
    return 'Truss raises for it (`.get()` and `in` on the secrets mapping raise too, they are not guards)';
  }
  return 'Truss does not provide it';
}

/**
 * Truss: every secret the code, the start command or a config consumer asks for must be declared
 * (config-secret-undeclared), and every declared secret must be asked for by something (config-secret-unused).
 */
export function trussCrossCheck(ctx: ConfigContext, declared: Declared[]): void {
  const { config } = ctx.target;
  const names = new Set(declared.map((d) => d.name));
  const used = new Set<string>();
  const envSettings = valueOf(config, config.root, 'environment_variables');
  const misplaced = (name: string): string =>
    pairOf(config, envSettings, name) ? ` It is listed under \`environment_variables\`, which does not make it a secret: move it under \`secrets:\`.` : '';
  const readers = new Map<CodeRead, string>();
  const yamlReads = trussShellSettings(config).flatMap(({ node, text, setting }) => {
    const reads = shellReads(text, config.path, config.lines, node.range![0], 'yaml');
    for (const read of reads) readers.set(read, `\`${setting}\``);
    return reads;
  });

  for (const read of [...ctx.code.reads, ...yamlReads]) {
    const name = trussSecretName(read);
    if (read.kind === 'env' && names.has(read.name)) used.add(read.name);
    if (name === undefined) continue;
    used.add(name);
    if (names.has(name) || read.inTest || read.shared) continue;
    ctx.out.add({
      ruleId: 'config-secret-undeclared', file: read.file, span: read.span, evidence: displayName(name), snippet: `${read.kind} ${name}`,
      message: `${readers.get(read) ?? 'The code'} reads Truss secret \`${displayName(name)}\`, but ${config.path} does not declare it, so ${howToRead(read)}. Add \`${displayName(name)}: null\` under \`secrets:\` in ${config.path}.${misplaced(name)}`,
    });
  }

  for (const use of trussConsumers(config)) {
    used.add(use.name);
    if (names.has(use.name) || !use.span) continue;
    ctx.out.add({
      ruleId: 'config-secret-undeclared', file: config.path, span: use.span, evidence: displayName(use.name), snippet: `${use.setting} ${use.name}`,
      message: `\`${use.setting}\` names secret \`${displayName(use.name)}\`, which \`secrets:\` does not declare, so it is not available. Add \`${displayName(use.name)}: null\` under \`secrets:\`.${misplaced(use.name)}`,
    });
  }

  // With no code, no start command and no build commands there is nothing that could read a secret in view;
  // with the secrets mapping handed over as a whole, any of them may be read.
  const readerCount = ctx.code.codeFiles + yamlReads.length + (valueOf(config, config.root, 'docker_server') ? 1 : 0);
  if (readerCount === 0 || ctx.code.wholeSecrets) return;
  for (const secret of declared) {
    if (used.has(secret.name) || ctx.code.mentions.has(secret.name)) continue;
    ctx.out.add({
      ruleId: 'config-secret-unused', file: config.path, span: secret.span, evidence: displayName(secret.name), snippet: `unused ${secret.snippet}`,
      message: `Secret \`${displayName(secret.name)}\` is declared, but no code, start command or config setting reads it. Remove it from \`secrets:\`, or read it (\`self._secrets["${displayName(secret.name)}"]\` in the model, /secrets/${displayName(secret.name)} in a custom server).`,
    });
  }
}
