import type { FolderCode } from '../model.js';

/** `Hugging-Face.Hub[extra]>=1` -> `hugging_face_hub`: how a requirement name compares with an import name. */
export function normaliseRequirement(name: string): string {
  return name.trim().toLowerCase().replace(/[-.]+/g, '_');
}

/** `requirements.txt`, `requirements-gpu.txt`, `requirements.lock`, `requirements.in`, `requirements.txt.compiled`. */
export const REQUIREMENTS_FILE = /^requirements[^/]*\.(?:txt|lock|in)(?:\.compiled)?$/i;

const REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

/** A list of pip requirement strings (`requirements.txt` lines, Truss `requirements`, Cog `python_packages`). */
export function addRequirements(requirements: Iterable<string>, code: FolderCode): void {
  for (const line of requirements) {
    if (/^\s*(?:#|-)/.test(line)) continue;
    const name = REQUIREMENT.exec(line)?.[1];
    if (name) code.pythonModules.add(normaliseRequirement(name));
  }
}

/** Dependency files: requirements*.txt, pyproject.toml (quoted requirement strings), package.json. */
export function addDependencyFile(file: string, text: string, code: FolderCode): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (REQUIREMENTS_FILE.test(base)) {
    addRequirements(text.split('\n'), code);
    return true;
  }
  if (base === 'pyproject.toml') {
    addRequirements([...text.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)[^"'\n]*["']/g)].map((m) => m[1]!), code);
    return true;
  }
  if (base === 'package.json') {
    try {
      const pkg = JSON.parse(text) as Record<string, unknown>;
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
        const deps = pkg[field];
        if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) code.npmPackages.add(name);
      }
    } catch {
      // An unparsable package.json tells us nothing about dependencies; the CLI reports JSON problems itself.
    }
    return true;
  }
  return false;
}
