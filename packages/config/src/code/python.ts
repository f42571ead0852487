import { pythonModuleFacts } from '@secret-hygiene/python';
import type { FolderCode } from '../model.js';
import { platformFacts } from '../platforms.js';

/** Adds one Python file's secret reads, imports and string literals to its folder's facts. */
export async function addPythonFile(file: string, text: string, code: FolderCode): Promise<void> {
  const facts = await pythonModuleFacts(text, { keepTree: true }); // the flow rules take the tree over
  code.codeFiles++;
  for (const read of facts.reads) {
    const { line, column, endLine, endColumn } = read;
    code.reads.push({
      kind: read.kind === 'cog-secret-param' ? 'secret-param' : read.kind,
      name: read.name,
      file,
      span: { line, column, endLine, endColumn },
      form: read.form,
      ...(read.guarded === undefined ? {} : { guarded: read.guarded }),
      language: 'python',
    });
  }
  for (const module of facts.imports) code.pythonModules.add(module);
  for (const value of facts.strings) code.mentions.add(value);
  if (facts.passesWholeEnvironment) code.wholeEnvironment = true;
  if (facts.passesWholeSecrets) code.wholeSecrets = true;
  if (facts.imports.some((m) => platformFacts().truss.chainsMarkers.includes(m))) code.chains = true;
}
