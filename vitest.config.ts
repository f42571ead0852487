import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (dir: string) => fileURLToPath(new URL(`./packages/${dir}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources; the compiled dist is exercised by the CLI and ESLint API tests.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@secret-hygiene\/(core|flow|secret|config|python|analyzer)$/, replacement: pkg('$1') },
      { find: /^@secret-hygiene\/config\/file-names$/, replacement: fileURLToPath(new URL('./packages/config/src/file-names.ts', import.meta.url)) },
      { find: /^eslint-plugin-secret-hygiene$/, replacement: pkg('eslint-plugin') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
