// The python section of rules/flows.yaml drives the front end: every listed sink, sanitizer and propagator is
// exercised here from the catalog itself, so an entry that the code ignores fails a test.
import { catalogDocument } from '@secret-hygiene/core';
import { pythonFindings } from '@secret-hygiene/python';
import { describe, expect, it } from 'vitest';

interface PythonSection {
  sinks: { log: { calls: string[] }; transport: { calls: string[] } };
  sanitizers: { functions: string[] };
  propagators: { functions: string[] };
}

const python = catalogDocument<{ python: PythonSection }>('flows').python;

/** `import a.b` for a dotted callee, so its canonical name is what the catalog spells. */
function importFor(callee: string): string {
  const dot = callee.lastIndexOf('.');
  return dot === -1 ? '' : `import ${callee.slice(0, dot)}\n`;
}

async function rulesOf(source: string): Promise<string[]> {
  return (await pythonFindings('app.py', source)).map((f) => `${f.line}:${f.ruleId}`);
}

describe('catalog-driven sinks', () => {
  it.each(python.sinks.log.calls.filter((c) => !c.startsWith('loguru.logger')))('%s logs', async (callee) => {
    const source = `${importFor(callee)}import os\nkey = os.environ["OPENAI_API_KEY"]\n${callee}(key)\n`;
    const lines = source.split('\n').length - 1;
    expect(await rulesOf(source)).toEqual([`${lines}:no-secret-in-log`]);
  });

  it.each(python.sinks.transport.calls.filter((c) => c.includes('.') && !c.includes('ClientSession')))('%s with a plain-HTTP URL is reported', async (callee) => {
    const source = `${importFor(callee)}${callee}("http://api.example.com/v1")\n`;
    expect(await rulesOf(source)).toEqual([`${source.split('\n').length - 1}:require-https`]);
  });
});

describe('catalog-driven sanitizers and propagators', () => {
  it.each(python.sanitizers.functions)('%s hides its argument', async (callee) => {
    const source = `${importFor(callee)}import os\nkey = os.environ["OPENAI_API_KEY"]\nprint(${callee}(key))\n`;
    expect(await rulesOf(source)).toEqual([]);
  });

  it.each(python.propagators.functions.filter((c) => !['next', 'iter', 'max', 'min', 'getattr', 'filter', 'map'].includes(c)))('%s carries its argument', async (callee) => {
    const source = `${importFor(callee)}import os\nkey = os.environ["OPENAI_API_KEY"]\nprint(${callee}(key))\n`;
    expect(await rulesOf(source)).toEqual([`${source.split('\n').length - 1}:no-secret-in-log`]);
  });
});
