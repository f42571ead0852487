// Many files at once: the textual prefilter never skips a file that can hold a secret name, and the worker pool
// answers exactly what one-file-at-a-time analysis answers, even when a worker dies.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogDocument, type NameVocabulary } from '@secret-hygiene/core';
import { type PythonJob, pythonFindings, pythonFindingsForFiles, worthParsing } from '@secret-hygiene/python';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../support/cli.js';

const WORKER = pathToFileURL(join(REPO_ROOT, 'packages/python/dist/pool-worker.js'));

function pythonFixtures(): PythonJob[] {
  const dir = join(REPO_ROOT, 'fixtures/python');
  const out: PythonJob[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const full = join(entry.parentPath, entry.name);
    out.push({ file: relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') });
  }
  return out;
}

describe('the prefilter', () => {
  it('keeps every secret name of the vocabulary, in snake, camel and upper case', () => {
    const names = catalogDocument<NameVocabulary>('names');
    const spelled: string[] = [...names.secretHeads, ...names.secretEnvNames];
    for (const [head, qualifiers] of Object.entries(names.qualifiedHeads)) {
      for (const q of qualifiers) spelled.push(`${q}_${head}`, `${q}${head[0]!.toUpperCase()}${head.slice(1)}`, `${q}_${head}`.toUpperCase());
    }
    const skipped = spelled.filter((name) => !worthParsing(`def run(${name}):\n    print(${name})\n`));
    expect(skipped).toEqual([]);
  });

  it('keeps code that calls a library returning a secret, though no secret word is written', async () => {
    const { secretCalls, environCalls } = catalogDocument<{ python: { sources: { secretCalls: string[]; environCalls: string[] } } }>('flows').python.sources;
    const callees = [...secretCalls, ...environCalls];
    expect(callees).toContain('getpass.getpass');
    expect(callees).toContain('dotenv.dotenv_values');
    const missed: string[] = [];
    for (const callee of callees) {
      const dot = callee.lastIndexOf('.');
      const text = `from ${callee.slice(0, dot)} import ${callee.slice(dot + 1)}\n\ndef login():\n    value = ${callee.slice(dot + 1)}()\n    print(value)\n`;
      const findings = worthParsing(text) ? await pythonFindings('login.py', text) : [];
      if (!findings.some((f) => f.ruleId === 'no-secret-in-log' && f.line === 5)) missed.push(callee);
    }
    expect(missed).toEqual([]);
  });

  it('skips code that names no secret, no environment and no URL', () => {
    expect(worthParsing('import torch\n\ndef predict(image):\n    return model(image).argmax()\n')).toBe(false);
    expect(worthParsing('def run(license_key):\n    print(license_key)\n')).toBe(true);
  });
});

describe('the worker pool', () => {
  const jobs = pythonFixtures();

  it('answers what one file at a time answers, in the order given', async () => {
    const expected = await Promise.all(jobs.map(async (job) => ({ findings: await pythonFindings(job.file, job.text, { root: REPO_ROOT }) })));
    expect(expected.some((r) => r.findings.length > 0)).toBe(true);
    const pooled = await pythonFindingsForFiles(jobs, { root: REPO_ROOT }, { threads: 3, minBytes: 0, workerUrl: WORKER });
    expect(pooled).toEqual(expected);
  });

  it('analyses the files of a worker that dies on the calling thread', async () => {
    const { dir, cleanup } = tempTree({});
    try {
      const dying = join(dir, 'dying-worker.mjs');
      writeFileSync(dying, 'process.exit(3);\n');
      const expected = await pythonFindingsForFiles(jobs, { root: REPO_ROOT }, { threads: 1 });
      const pooled = await pythonFindingsForFiles(jobs, { root: REPO_ROOT }, { threads: 2, minBytes: 0, workerUrl: pathToFileURL(dying) });
      expect(pooled).toEqual(expected);
    } finally {
      cleanup();
    }
  });

  it('reports a file the analysis cannot read as that file\'s error, and goes on', async () => {
    const results = await pythonFindingsForFiles([{ file: 'a.py', text: 'import os\nprint(os.environ["HF_TOKEN"])\n' }], {}, { threads: 1 });
    expect(results).toHaveLength(1);
    expect('findings' in results[0]! && results[0].findings.map((f) => f.ruleId)).toEqual(['no-secret-in-log']);
  });
});

describe('one parse for the config cross-check and the flow rules', () => {
  it('keeps the tree the cross-check parsed for the flow rules, which take it over, and frees the rest', async () => {
    const { hasPythonTree, pythonModuleFacts } = await import('@secret-hygiene/python');
    const used = 'import os\nprint(os.environ["HF_TOKEN"])\n';
    const unused = 'import os\nTOKEN = os.environ["HF_TOKEN"]\n';
    const fresh = await pythonFindings('a.py', used);
    expect((await pythonModuleFacts(used, { keepTree: true })).reads.map((r) => r.name)).toEqual(['HF_TOKEN']);
    await pythonModuleFacts(unused, { keepTree: true });
    expect(hasPythonTree(used) && hasPythonTree(unused)).toBe(true);
    const results = await pythonFindingsForFiles([{ file: 'a.py', text: used }], {}, { threads: 1 });
    expect(results).toEqual([{ findings: fresh }]);
    expect(hasPythonTree(used) || hasPythonTree(unused)).toBe(false);
    expect(await pythonFindings('a.py', used)).toEqual(fresh);
  });
});
