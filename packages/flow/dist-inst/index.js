export { analyzeFile, analyzeSourceFile } from './analyze.js';
export { mayReport } from './prefilter.js';
export { writtenAsValue } from './value-positions.js';
export { loadTypescript } from './typescript.js';
export { flowFindings } from './findings.js';
export { shippedJsCatalog } from './catalog.js';
export { evidenceOf } from './findings.js';
export { analyzeProgramFile, describeModuleValue, describeSummary, namespaceValue } from './program.js';
