// Bundles the CLI into the root package's dist/: the `secret-audit` bin that `npm pack` ships and that pre-commit
// installs globally, where no workspace is around it. Every dependency is inside, so installing the tarball fetches
// nothing. Code splitting keeps each dynamic import() lazy: a `--staged` run loads only the small entry chunks,
// never TypeScript, ts-morph or tree-sitter.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

/**
 * The two TypeScript compilers (the `typescript` package, and the copy ts-morph loads with require('./typescript'))
 * are self-contained CommonJS files of 9 MB each: they are copied beside the chunks and stay external, rather than
 * being parsed into the bundle on every build.
 */
function typescriptCopies(root) {
  const fromFlow = createRequire(join(root, 'packages/flow/package.json'));
  const fromAnalyzer = createRequire(join(root, 'packages/analyzer/package.json'));
  const tsMorphCommon = dirname(createRequire(fromAnalyzer.resolve('ts-morph')).resolve('@ts-morph/common'));
  return [
    { specifier: /^typescript$/, importer: /./, file: fromFlow.resolve('typescript'), name: 'typescript.cjs' },
    { specifier: /^\.\/typescript$/, importer: /[\\/]@ts-morph[\\/]common[\\/]/, file: join(tsMorphCommon, 'typescript.js'), name: 'ts-morph-typescript.cjs' },
  ];
}

/** Data files the code reads at run time; each lands beside the chunks, where `bundledFile()` in core looks. */
function runtimeFiles(root) {
  const fromPython = createRequire(join(root, 'packages/python/package.json'));
  return [
    join(root, 'packages/core/generated/catalog.json'),
    join(root, 'packages/cli/generated/config-validator.js'),
    join(root, 'packages/cli/generated/build-id.json'),
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

/** Points imports of the TypeScript compilers at their copies beside the chunks. */
function externalCopies(copies) {
  return {
    name: 'typescript-copies',
    setup(plugin) {
      for (const copy of copies) {
        plugin.onResolve({ filter: copy.specifier }, (args) =>
          copy.importer.test(args.importer) ? { path: `./${copy.name}`, external: true } : undefined,
        );
      }
    },
  };
}

// Bundled CommonJS modules (ajv, yaml) call require(); an ES module has none until it makes one.
const BANNER = "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);";

export async function bundleCli(root) {
  checkVersions(root);
  const outdir = join(root, 'dist');
  const copies = typescriptCopies(root);
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: {
      'secret-audit': join(root, 'packages/cli/bin/secret-audit.js'),
      // The Python front end starts worker threads from new URL('./pool-worker.js', import.meta.url): beside the chunks.
      'pool-worker': join(root, 'packages/python/dist/pool-worker.js'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[hash]',
    banner: { js: BANNER },
    plugins: [externalCopies(copies)],
    logLevel: 'warning',
  });
  for (const copy of copies) copyFileSync(copy.file, join(outdir, copy.name));
  for (const file of runtimeFiles(root)) copyFileSync(file, join(outdir, basename(file)));
}

/**
 * The ESLint plugin as one module (`packages/eslint-plugin/dist/plugin.js`, the package's entry) with the
 * workspace packages it uses inside: ESLint then loads one file instead of some sixty small ones, about 40 ms
 * less at every start. Its dependencies (TypeScript, typescript-eslint) stay imports; the shipped catalog is
 * copied beside it, where `bundledFile()` in core looks.
 */
export async function bundleEslintPlugin(root) {
  const dist = join(root, 'packages/eslint-plugin/dist');
  await build({
    entryPoints: [join(dist, 'index.js')],
    outfile: join(dist, 'plugin.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['typescript', '@typescript-eslint/*', 'eslint', 'eslint/*'],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'packages/core/generated/catalog.json'), join(dist, 'catalog.json'));
}
