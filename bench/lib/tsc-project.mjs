// A tsconfig for `tsc --noEmit` over exactly the SDK sources the analyzer is given.
import { writeIfChanged } from './files.mjs';
import path from 'node:path';
import { WORK_DIR } from './paths.mjs';

/** Writes bench/.work/tsc/tsconfig.json including every .ts file under `dirs`; returns its path. */
export function writeTscProject(dirs) {
  const dir = path.join(WORK_DIR, 'tsc');
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
  writeIfChanged(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
