import { defaultNameClassifier } from '@secret-hygiene/core';
import type { CodeRead, FolderCode } from '../model.js';
import { displayName } from '../literal-nature.js';
import { platformFacts } from '../platforms.js';
import type { ConfigContext } from './context.js';
import type { InfDeclarations } from './inf-secrets.js';

/** Env vars that libraries the app uses read on their own (`huggingface_hub` reads HF_TOKEN). */
export function libraryReadEnv(code: FolderCode): Set<string> {
  const out = new Set<string>();
  for (const entry of platformFacts().libraryEnvReads) {
    const python = entry.python.some((m) => code.pythonModules.has(m));
    const npm = entry.npm.some((p) => (p.endsWith('/') ? [...code.npmPackages].some((n) => n.startsWith(p)) : code.npmPackages.has(p)));
    if (python || npm) for (const env of entry.env) out.add(env);
  }
  return out;
}

/** Injected by an integration or `credentials:`; an integration the catalog does not know covers its provider's prefix. */
function isProvided(declarations: InfDeclarations, name: string): boolean {
  return declarations.provided.has(name) || declarations.providedPrefixes.some((prefix) => name.startsWith(prefix));
}

function readForm(read: CodeRead): string {
  return read.language === 'python' ? `os.environ.get("${displayName(read.name)}")` : `process.env.${displayName(read.name)}`;
}

/**
 * inference.sh: a secret-named env var the code reads must be declared (or injected by an integration), an
 * optional secret must be read in a way that tolerates its absence, and a declared secret must be read by the
 * code or by a library the app uses.
 */
export function infCrossCheck(ctx: ConfigContext, declarations: InfDeclarations): void {
  const { config } = ctx.target;
  const byName = new Map(declarations.secrets.map((d) => [d.name, d]));
  const classifier = defaultNameClassifier();
  const used = new Set<string>();

  for (const read of ctx.code.reads) {
    if (read.kind !== 'env' || (read.language !== 'python' && read.language !== 'js')) continue;
    used.add(read.name);
    const secret = byName.get(read.name);
    if (secret) {
      if (secret.optional && !read.shared && read.language === 'python' && read.form === 'subscript' && !read.guarded) {
        ctx.out.add({
          ruleId: 'config-secret-undeclared', severity: 'warning', file: read.file, span: read.span, evidence: displayName(read.name), snippet: `optional ${displayName(read.name)}`,
          message: `\`${displayName(read.name)}\` is declared \`optional: true\`, but os.environ["${displayName(read.name)}"] raises KeyError when the user does not supply it. Read it with ${readForm(read)} and handle None, or declare it \`optional: false\`.`,
        });
      }
      continue;
    }
    if (read.form === 'membership' || read.inTest || read.shared || isProvided(declarations, read.name) || classifier.classify(read.name) !== 'secret') continue;
    ctx.out.add({
      ruleId: 'config-secret-undeclared', file: read.file, span: read.span, evidence: displayName(read.name), snippet: `env ${read.name}`,
      message: `The code reads secret \`${displayName(read.name)}\`, but ${config.path} does not declare it and inference.sh injects only declared secrets. Add \`- key: ${displayName(read.name)}\` with a description under \`secrets:\`.`,
    });
  }

  // With no code nothing can be judged; with the whole environment handed to a subprocess, anything may be read.
  if (ctx.code.codeFiles === 0 || ctx.code.wholeEnvironment) return;
  const libraries = libraryReadEnv(ctx.code);
  for (const secret of declarations.secrets) {
    if (used.has(secret.name) || libraries.has(secret.name) || ctx.code.mentions.has(secret.name)) continue;
    ctx.out.add({
      ruleId: 'config-secret-unused', file: config.path, span: secret.span, evidence: displayName(secret.name), snippet: `unused ${secret.snippet}`,
      message: `Secret \`${displayName(secret.name)}\` is declared, but neither the app's code nor a library it uses reads it, so users are asked for a credential the app never uses. Remove it, or read it with os.environ.get("${displayName(secret.name)}") / process.env.${displayName(secret.name)}.`,
    });
  }
}
