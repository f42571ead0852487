export type { AnalyzeOptions, FlowLocation, FlowOptions, FlowResult, FlowRuleId } from './types.js';
export { analyzeSourceFile } from './analyze.js';
export { flowFindings } from './findings.js';
export type { FunctionSummary } from './summary.js';
export { analyzeProgramFile, type ImportResolver, type ModuleValue, type ProgramFileAnalysis, type ProgramFileOptions } from './program.js';
