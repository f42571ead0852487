import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { git, runCli, tempTree } from '../support/cli.js';

const HEAVY_PACKAGES = ['typescript', 'ts-morph', 'web-tree-sitter', 'tree-sitter-python', 'yaml', 'ajv'];
const DEEP_WORKSPACES = ['flow', 'python', 'analyzer', 'config'];
// The config package's file-name table imports nothing: the CLI reads it to decide whether to load the validator.
const LIGHT_MODULES = ['/packages/config/dist/file-names.js'];

function heavyModules(urls: string[]): string[] {
  return urls.filter(
    (url) =>
      !LIGHT_MODULES.some((light) => url.endsWith(light)) &&
      (HEAVY_PACKAGES.some((name) => url.includes(`/node_modules/${name}/`)) || DEEP_WORKSPACES.some((name) => url.includes(`/packages/${name}/`))),
  );
}

const tree = tempTree({
  ...Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`notes/file${i}.md`, `# Notes ${i}\n\nNothing secret here.\n`])),
  'src/app.ts': 'console.log(`calling with ${process.env.OPENAI_API_KEY}`);\n',
});
git(tree.dir, ['init', '-q']);
git(tree.dir, ['add', 'notes']);
afterAll(tree.cleanup);

function importGraph(args: string[]): { code: number; durationMs: number; modules: string[] } {
  const graph = new URL('../support/import-graph.mjs', import.meta.url);
  const run = spawnSync(process.execPath, [graph.pathname, ...args], { cwd: tree.dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { code: number; durationMs: number; modules: string[] };
}

describe('start-up', () => {
  it('a token-only --staged run loads no parser, type checker, YAML or schema library', () => {
    const graph = importGraph(['--staged']);
    expect(graph.code).toBe(0);
    expect(graph.modules.length).toBeGreaterThan(10); // the hook saw the CLI's own modules
    expect(heavyModules(graph.modules)).toEqual([]);
  });

  it('records modules loaded on demand (so the check above would see a heavy one)', () => {
    const text = importGraph(['--staged']).modules;
    const sarif = importGraph(['--staged', '--format', 'sarif']).modules;
    expect(text.some((url) => url.endsWith('/format/sarif.js'))).toBe(false);
    expect(sarif.some((url) => url.endsWith('/format/sarif.js'))).toBe(true);
  });

  it('a deep run loads one TypeScript compiler: ts-morph\'s, not the typescript package as well', () => {
    const graph = importGraph(['src', '--no-cache']);
    expect(graph.code).toBe(1); // the analyzer ran and found the leak
    expect(graph.modules.some((url) => url.includes('/node_modules/@ts-morph/common/dist/typescript.js'))).toBe(true);
    expect(graph.modules.filter((url) => url.includes('/node_modules/typescript/lib/'))).toEqual([]);
  });

  it('answers --staged on five files within a small margin over node start-up', () => {
    const best = (run: () => void) =>
      Math.min(
        ...[1, 2, 3].map(() => {
          const started = performance.now();
          run();
          return performance.now() - started;
        }),
      );
    const bare = best(() => spawnSync(process.execPath, ['-e', '0']));
    const staged = best(() => expect(runCli(['--staged', '--quiet'], { cwd: tree.dir }).status).toBe(0));
    // The target is bare + 80 ms on an idle machine; the margin leaves room for a loaded CI runner.
    expect(staged - bare).toBeLessThan(600);
  });
});
