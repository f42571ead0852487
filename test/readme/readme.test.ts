// The README is the first five minutes of a new user: what it shows must be what the software does. Each check
// reruns a README example (or compares it with the file a test already exercises), so the page cannot drift.
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { randomAlphanumeric, REPO_ROOT, runCli, tempTree } from '../support/cli.js';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced blocks of the README with their info strings, in order. */
function fencedBlocks(markdown: string): { info: string; body: string }[] {
  const blocks: { info: string; body: string }[] = [];
  const fence = /^```([^\n]*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    blocks.push({ info: match[1]!.trim(), body: match[2]! });
  }
  return blocks;
}

/** The body of the section under `heading` (up to the next heading of the same or a higher level). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const level = heading.split(' ')[0]!;
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

describe('README: the two commands', () => {
  it('opens with the scan and test commands of the fresh-clone contract', () => {
    const first = fencedBlocks(README)[0]!;
    expect(first.body).toContain('npm ci && npx secret-audit <dir>');
    expect(first.body).toContain('npm test');
    const scripts = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.test).toBeDefined();
    expect(scripts.prepare).toBeDefined(); // `npm ci` builds: no step for the user to remember
  });
});

describe('README: sample output', () => {
  const key = `sk-proj-${randomAlphanumeric(48)}`;
  const tree = tempTree({
    'app.ts': `const key = "${key}";\nconsole.log(\`calling with \${process.env.OPENAI_API_KEY}\`);\n`,
  });
  afterAll(tree.cleanup);

  it('is what `npx secret-audit app.ts` prints (timing aside)', () => {
    const block = fencedBlocks(section(README, '## Sample output')).find((b) => b.body.startsWith('$ npx secret-audit app.ts'));
    expect(block, 'the sample output block').toBeDefined();
    const shown = block!.body.split('\n').slice(1).join('\n');
    const run = runCli(['app.ts'], { cwd: tree.dir });
    expect(run.status).toBe(1);
    const withoutTiming = (text: string) => text.replace(/ in \d+ ms\./, ' in N ms.').trimEnd();
    expect(withoutTiming(run.stdout)).toBe(withoutTiming(shown));
    expect(run.stdout).not.toContain(key.slice(0, 12));
  });
});

describe('README: the editor', () => {
  it('shows the eslint.config.js that the ESLint API test lints a project with', () => {
    const block = fencedBlocks(README).find((b) => b.body.startsWith('// eslint.config.js'));
    expect(block, 'the eslint.config.js block').toBeDefined();
    const tested = readFileSync(join(REPO_ROOT, 'fixtures/eslint-project/eslint.config.js'), 'utf8');
    const code = (text: string) => text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'));
    expect(code(block!.body)).toEqual(code(tested));
  });

  it('points yaml-language-server at schema files that exist in the repository', () => {
    const urls = [...README.matchAll(/https:\/\/github\.com\/secret-hygiene\/secret-hygiene\/raw\/main\/[^\s"]+/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThanOrEqual(3); // the modeline and the VS Code mapping
    for (const url of urls) {
      const path = /\/raw\/main\/(.+)$/.exec(url)?.[1];
      expect(path, url).toBeDefined();
      expect(existsSync(join(REPO_ROOT, path!)), path).toBe(true);
    }
  });
});

describe('README: editor squiggles in a project outside this repository', () => {
  // What `npm install --save-dev eslint <clone>/packages/eslint-plugin` leaves behind: links into the clone.
  const project = tempTree({
    'package.json': JSON.stringify({ name: 'model-app', type: 'module', private: true }),
    'src/leaky.js': 'const apiKey = process.env.OPENAI_API_KEY;\nconsole.log(`calling with ${apiKey}`);\n',
    'src/clean.js': "const apiKey = process.env.OPENAI_API_KEY;\nconsole.log('key set:', Boolean(apiKey));\n",
  });
  afterAll(project.cleanup);

  it('the README install line and eslint.config.js give the message the README quotes', async () => {
    const install = fencedBlocks(section(README, '## In the editor')).find((b) => b.body.startsWith('npm install --save-dev'));
    expect(install?.body).toContain('/packages/eslint-plugin');
    const config = fencedBlocks(README).find((b) => b.body.startsWith('// eslint.config.js'))!.body;
    writeFileSync(join(project.dir, 'eslint.config.js'), config);
    mkdirSync(join(project.dir, 'node_modules'));
    symlinkSync(join(REPO_ROOT, 'packages/eslint-plugin'), join(project.dir, 'node_modules/eslint-plugin-secret-hygiene'), 'dir');
    symlinkSync(join(REPO_ROOT, 'node_modules/eslint'), join(project.dir, 'node_modules/eslint'), 'dir');
    const results = await new ESLint({ cwd: project.dir }).lintFiles(['src']);
    const messages = Object.fromEntries(results.map((r) => [r.filePath.slice(project.dir.length + 1), r.messages.map((m) => `${m.ruleId}: ${m.message}`)]));
    const quoted = /`(The secret from [^`]+)`/.exec(section(README, '## In the editor'))?.[1];
    expect(quoted).toBeDefined();
    expect(messages['src/leaky.js']).toEqual([`secret-hygiene/no-secret-in-log: ${quoted}`]);
    expect(messages['src/clean.js']).toEqual([]);
  });
});

describe('README: pre-commit', () => {
  it('names hooks that .pre-commit-hooks.yaml defines, and the repository and revision init writes', async () => {
    const hooks = parseYaml(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    const ids = new Set(hooks.map((hook) => hook.id));
    const block = fencedBlocks(section(README, '## pre-commit')).find((b) => b.body.startsWith('repos:'))!;
    const named = [...block.body.matchAll(/- id: ([\w-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(2);
    for (const id of named) expect(ids.has(id), id).toBe(true);
    const config = parseYaml(block.body) as { repos: { repo: string; rev: string }[] };
    const { HOOK_REPO, HOOK_REV } = await import('../../packages/cli/src/init/templates.js');
    expect(config.repos[0]).toMatchObject({ repo: HOOK_REPO, rev: HOOK_REV });
  });
});

describe('README: the rules table', () => {
  it('links a doc page for every rule in the registry, and only those', () => {
    const table = section(README, '## What it catches');
    const linked = [...table.matchAll(/\[`([a-z-]+)`\]\(rules\/docs\/\1\.md\)/g)].map((m) => m[1]!).sort();
    const registry = readFileSync(join(REPO_ROOT, 'rules/rules.yaml'), 'utf8');
    const ids = [...registry.matchAll(/^ {2}- id: ([a-z-]+)$/gm)].map((m) => m[1]!).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect(linked).toEqual(ids);
    for (const id of linked) expect(existsSync(join(REPO_ROOT, 'rules/docs', `${id}.md`)), id).toBe(true);
  });
});
