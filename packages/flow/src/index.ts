export type { AnalyzeOptions, FlowLocation, FlowOptions, FlowResult, FlowRuleId } from './types.js';
export type { FunctionSummary, ParamSink } from './summary.js';
export type { CalleeResolver } from './engine.js';
export { analyzeFile, analyzeSourceFile, type FileAnalysis } from './analyze.js';
export { mayReport } from './prefilter.js';
export { flowFindings } from './findings.js';
export { shippedJsCatalog, type JsFlowCatalog, type LoggerLibrary } from './catalog.js';
export { evidenceOf } from './findings.js';
export { analyzeProgramFile, describeModuleValue, describeSummary, namespaceValue, type ImportResolver, type ModuleValue, type ProgramFileAnalysis, type ProgramFileOptions } from './program.js';
