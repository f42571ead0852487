// Builds every workspace package (tsc project references), the compiled rule catalog and the bundled CLI.
// Runs from `npm ci` (prepare) and `npm test`, so nobody has to remember it.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

execFileSync(process.execPath, [tsc, '-b', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

// The catalog is validated and frozen into JSON once, so no run pays for YAML parsing or schema compilation.
const { writeBuiltinCatalog } = await import(join(root, 'packages/core/dist/catalog/build.js'));
writeBuiltinCatalog(join(root, 'rules'), join(root, 'packages/core/generated/catalog.json'));

const { writeConfigValidator } = await import(join(root, 'scripts/config-validator.mjs'));
writeConfigValidator(root);

// What the cache of earlier results must match besides the version: the code and catalog of this build, so a
// checkout that moves to newer commits (same version number) never reuses results of the code it replaced.
const { writeBuildId } = await import('./build-id.mjs');
writeBuildId(root);

// The root package's bin: a self-contained bundle of the CLI, so `npm pack` + `npm install -g` (pre-commit's
// Node installer) yields a working `secret-audit` with no workspace around it.
const { bundleCli, bundleEslintPlugin } = await import('./bundle.mjs');
await bundleCli(root);
await bundleEslintPlugin(root);
