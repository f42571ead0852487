import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis } from './context.js';
import { OPAQUE, type Value, sourceTaint } from './values.js';

/** `os.environ["NAME"]` and friends: a secret when the name looks secret or a config declares it. */
export function envSource(a: Analysis, name: string, node: SyntaxNode): Value {
  if (a.names.classify(name) !== 'secret') return OPAQUE;
  const label = `os.environ['${name}']`;
  return { taint: sourceTaint(label, node, `secret read from the environment (${name})`) };
}

/** The whole Truss secrets mapping: printed, it prints every secret; indexed, it yields one. */
export function secretsMapping(label: string, node: SyntaxNode): Value {
  return { ref: 'secrets', taint: sourceTaint(label, node, 'the secrets mapping') };
}

/** `self._secrets["hf_access_token"]`, `secrets.get(name)`. */
export function mappingSource(mapping: string, name: string | undefined, node: SyntaxNode): Value {
  const label = name === undefined ? mapping : `${mapping}['${name}']`;
  return { taint: sourceTaint(label, node, 'secret read from the secrets mapping') };
}

/** True when a static path lies in a directory where platforms mount secrets (`/secrets/hf_access_token`). */
export function isSecretPath(a: Analysis, path: string | undefined, complete = true): boolean {
  if (path === undefined) return false;
  // `f"/secrets/{name}"` is known only up to the directory, which is enough.
  return a.tables.catalog.sources.secretFileDirectories.some((dir) => path.startsWith(dir) && (path.length > dir.length || !complete));
}

const SLICE = /^\[?\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*1?\s*)?\]?$/;

/** `x[:4]`, `x[-4:]`, `x[2:6]`: a reveal of at most `max` characters, which shows no more than redaction. */
export function isShortReveal(slice: SyntaxNode, max: number): boolean {
  const match = SLICE.exec(slice.text);
  if (!match) return false;
  const start = match[1] === undefined ? undefined : Number(match[1]);
  const end = match[2] === undefined ? undefined : Number(match[2]);
  if (end === undefined) return start !== undefined && start < 0 && -start <= max;
  if (start === undefined || start === 0) return end >= 0 && end <= max;
  if (Math.sign(start) !== Math.sign(end)) return false;
  return end - start <= max && end > start;
}
