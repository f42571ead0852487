// Importing the plugin must not load ESLint itself: under another ESLint major (9 beside the repository's 10) that
// would be a second copy of ESLint in every lint process. @typescript-eslint/utils' index pulls it in.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const probe = `
const before = new Set(Object.keys(require.cache));
const plugin = (await import('eslint-plugin-secret-hygiene')).default;
const loaded = Object.keys(require.cache).filter((k) => !before.has(k));
console.log(JSON.stringify({ rules: Object.keys(plugin.rules).length, eslint: loaded.filter((k) => /[\\\\/]node_modules[\\\\/]eslint[\\\\/]/.test(k)) }));
`;

describe('plugin start-up', () => {
  it('loads no ESLint module of its own', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${probe}`], { encoding: 'utf8' });
    const { rules, eslint } = JSON.parse(out) as { rules: number; eslint: string[] };
    expect(rules).toBe(5);
    expect(eslint).toEqual([]);
  });
});
