export type { AnalyzeOptions, FlowLocation, FlowOptions, FlowResult, FlowRuleId } from './types.js';
export { analyzeSourceFile } from './analyze.js';
export { flowFindings } from './findings.js';
