export type { AnalyzeOptions, FlowLocation, FlowOptions, FlowResult, FlowRuleId } from './types.js';
export { analyzeSourceFile } from './analyze.js';
export { evidenceOf, flowFindings } from './findings.js';
export type { FunctionSummary } from './summary.js';
export { analyzeProgramFile, describeModuleValue, describeSummary, namespaceValue, type ImportResolver, type ModuleValue, type ProgramFileAnalysis, type ProgramFileOptions } from './program.js';
