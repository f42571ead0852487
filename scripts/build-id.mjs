// Writes packages/cli/generated/build-id.json: a hash of every package's compiled code and of the catalog.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesUnder(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(path, out);
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

export function writeBuildId(root) {
  const packages = join(root, 'packages');
  const files = readdirSync(packages).flatMap((name) => {
    try {
      return filesUnder(join(packages, name, 'dist'));
    } catch {
      return [];
    }
  });
  files.push(join(root, 'packages/core/generated/catalog.json'));
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const dir = join(root, 'packages/cli/generated');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'build-id.json'), `${JSON.stringify({ id: hash.digest('hex').slice(0, 16) })}\n`);
}
