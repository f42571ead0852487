export { hasPythonTree, loadPythonLanguage, pythonParser, releasePythonTrees, withPythonTree, type SyntaxNode, type Tree } from './loader.js';
export { pythonFactsFromTree, pythonModuleFacts, pythonSecretReads } from './module-facts.js';
export { staticString, stringPrefix } from './strings.js';
export type { PythonModuleFacts, PythonReadForm, PythonReadKind, PythonSecretRead, PythonSpan } from './types.js';
export { pythonFindings, type PythonFlowOptions } from './flow/index.js';
export { worthParsing } from './flow/findings.js';
export { pythonFindingsForFiles, type PythonJob, type PythonJobResult, type PythonPoolOptions } from './pool.js';
