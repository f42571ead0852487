export { pythonFindings, type PythonFlowOptions } from './findings.js';
