// A tsconfig for `tsc --noEmit` over exactly the SDK sources the analyzer is given.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORK_DIR } from './paths.mjs';

/** Writes bench/.work/tsc/tsconfig.json including every .ts file under `dirs`; returns its path. */
export function writeTscProject(dirs) {
  const dir = path.join(WORK_DIR, 'tsc');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'tsconfig.json');
  const config = {
    compilerOptions: {
      noEmit: true,
      strict: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [],
      skipLibCheck: true,
    },
    include: dirs.flatMap((sdkDir) => [`${sdkDir}/**/*.ts`, `${sdkDir}/**/*.mts`, `${sdkDir}/**/*.cts`]),
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
