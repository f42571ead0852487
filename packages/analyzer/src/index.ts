export { analyzeFiles, programsOfAtMost, isAnalyzableScript, type AnalyzeFilesInput, type AnalyzeFilesOutput, type ScannedFile } from './analyze-files.js';
export { analyzeWholeProgram, MAX_RUNS_PER_FILE, type ProgramResults } from './whole-program.js';
export { loadLooseProject, loadTsconfigProject, type LoadedProject } from './load.js';
export { resultsToFindings, type FileTable } from './findings.js';
