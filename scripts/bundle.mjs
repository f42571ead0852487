// Bundles the CLI into the root package's dist/: the `secret-audit` bin that `npm pack` ships and that pre-commit
// installs globally, where no workspace is around it. Every dependency is inside, so installing the tarball fetches
// nothing. Code splitting keeps each dynamic import() lazy: a `--staged` run loads only the small entry chunks,
// never TypeScript, ts-morph or tree-sitter.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { build } from 'esbuild';

/** Data files the code reads at run time; each lands beside the chunks, where `bundledFile()` in core looks. */
function runtimeFiles(root) {
  const fromPython = createRequire(join(root, 'packages/python/package.json'));
  return [
    join(root, 'packages/core/generated/catalog.json'),
    join(root, 'rules/schema/truss-secrets.schema.json'),
    join(root, 'rules/schema/inf-secrets.schema.json'),
    // web-tree-sitter loads its runtime from new URL('web-tree-sitter.wasm', import.meta.url): the chunk's folder.
    fromPython.resolve('web-tree-sitter/web-tree-sitter.wasm'),
    fromPython.resolve('tree-sitter-python/tree-sitter-python.wasm'),
  ];
}

// The bundled CLI reports its version from the root package.json (one level above dist/, as in the workspace).
function checkVersions(root) {
  const version = (dir) => JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).version;
  if (version('.') !== version('packages/cli')) {
    throw new Error(`the root package (${version('.')}) and packages/cli (${version('packages/cli')}) must share one version`);
  }
}

// CommonJS dependencies (typescript, ajv, yaml) call require() and read __filename at load; ESM has neither.
const BANNER = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bundleFileURLToPath } from 'node:url';",
  'const require = __bundleCreateRequire(import.meta.url);',
  'const __bundleFilename = __bundleFileURLToPath(import.meta.url);',
  "const __bundleDirname = __bundleFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

export async function bundleCli(root) {
  checkVersions(root);
  const outdir = join(root, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { 'secret-audit': join(root, 'packages/cli/bin/secret-audit.js') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    banner: { js: BANNER },
    define: { __filename: '__bundleFilename', __dirname: '__bundleDirname' },
    logLevel: 'warning',
  });
  for (const file of runtimeFiles(root)) copyFileSync(file, join(outdir, basename(file)));
}
