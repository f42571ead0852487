// The tree copy reads web-tree-sitter's cursor through its exported WebAssembly functions; it must copy exactly
// what the public cursor API reads, on every Python fixture, deferred function bodies included.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pythonParser } from '@secret-hygiene/python';
import { afterAll, describe, expect, it } from 'vitest';
import { copyTree, type PyNode } from '../../packages/python/src/flow/tree.js';
import { useDirectWalker, usesDirectWalker, walkerFor } from '../../packages/python/src/walker.js';
import { REPO_ROOT } from '../support/cli.js';

const COLLECT = new Map([['import_statement', 'import'], ['function_definition', 'function']]);

function pythonFiles(): string[] {
  const dir = join(REPO_ROOT, 'fixtures');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.py'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every node (bodies filled on the way) as type, field, offsets and depth. */
function dump(node: PyNode, field: string | null = null, depth = 0, out: string[] = []): string[] {
  out.push(`${depth} ${field ?? '-'} ${node.type} ${node.startIndex}-${node.endIndex}`);
  const fields = node.fields;
  node.children.forEach((child, i) => dump(child, fields[i] ?? null, depth + 1, out));
  return out;
}

async function copied(text: string, direct: boolean): Promise<{ nodes: string[]; collected: string[] }> {
  useDirectWalker(direct);
  const parser = await pythonParser();
  const tree = parser.parse(text)!;
  try {
    const { root, collected } = copyTree(tree, 'x.py', text, COLLECT);
    const nodes = dump(root);
    return { nodes, collected: [...collected].map(([group, list]) => `${group}: ${list.map((n) => n.startIndex).join(',')}`) };
  } finally {
    tree.delete();
  }
}

afterAll(() => useDirectWalker(true));

describe('tree copy through the exported cursor functions', () => {
  it('is what the loaded web-tree-sitter offers', async () => {
    await pythonParser();
    useDirectWalker(true);
    expect(usesDirectWalker()).toBe(true);
  });

  const files = pythonFiles();
  it('covers the fixtures', () => expect(files.length).toBeGreaterThan(40));

  it.each(files.map((file) => [file.slice(REPO_ROOT.length + 1), file]))('copies %s as the public API does', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const direct = await copied(text, true);
    const viaPublic = await copied(text, false);
    expect(direct.nodes.length).toBeGreaterThan(1);
    expect(direct).toEqual(viaPublic);
  });

  it('survives a cursor stack that grows far past its first allocation', async () => {
    const deep = `x = ${'('.repeat(400)}1${')'.repeat(400)}\ndef f():\n    return ${'['.repeat(300)}key${']'.repeat(300)}\n`;
    const direct = await copied(deep, true);
    expect(direct).toEqual(await copied(deep, false));
    expect(direct.nodes.length).toBeGreaterThan(600);
  });

  it('frees the cursor stack where the walk left it, not where it started', async () => {
    useDirectWalker(true);
    const text = `${'('.repeat(400)}1${')'.repeat(400)}\n`;
    const tree = (await pythonParser()).parse(text)!;
    try {
      const walker = walkerFor(tree);
      // The cursor object web-tree-sitter frees (its first word is the stack's address in WebAssembly memory).
      const cursor = (walker as unknown as { cursor: Record<number, number> & { delete(): void } }).cursor;
      const startedWith = [cursor[0]!, cursor[1]!, cursor[2]!];
      const free = cursor.delete.bind(cursor);
      let freed: number[] = [];
      cursor.delete = () => {
        freed = [cursor[0]!, cursor[1]!, cursor[2]!];
        free();
      };
      let depth = 0;
      while (walker.gotoFirstChild()) {
        depth++;
        if (text[walker.startIndex()] === '(' && walker.endIndex() - walker.startIndex() === 1) walker.gotoNextSibling();
      }
      expect(depth).toBeGreaterThan(400);
      const grownTo = 2 ** Math.ceil(Math.log2(depth));
      walker.close();
      // The stack was reallocated as it grew (maybe elsewhere): what is freed must be the grown one, whose
      // capacity only the transfer buffer knows; freeing the first state could free a moved block twice.
      expect(freed[2]).toBeGreaterThanOrEqual(grownTo);
      expect(freed[2]).toBeGreaterThan(startedWith[2]!);
    } finally {
      tree.delete();
    }
  });
});
