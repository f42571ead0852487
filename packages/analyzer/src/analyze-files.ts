import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, InputError } from '@secret-hygiene/core';
import { credentialLiteralFindings, type FlowOptions, type FlowResult } from '@secret-hygiene/flow';
import { ts } from 'ts-morph';
import type * as TS from 'typescript';
import { resultsToFindings } from './findings.js';
import { loadLooseProject, loadTsconfigProject, type LoadedProject } from './load.js';
import { analyzeWholeProgram } from './whole-program.js';

export interface ScannedFile {
  /** Relative to `cwd` (or absolute), with `/`. */
  path: string;
  text: string;
}

export interface AnalyzeFilesInput {
  cwd: string;
  /** The scanned files: scripts are analysed, `tsconfig.json` (and `jsconfig.json`) files define the projects. */
  files: readonly ScannedFile[];
  options?: FlowOptions;
  /** Told how many of the scripts have been analysed (each counted once, whichever program it belongs to). */
  onProgress?: (done: number, total: number) => void;
}

export interface AnalyzeFilesOutput {
  findings: Finding[];
  errors: InputError[];
  /** Paths (as given) of the scripts the analyzer covered; the caller may analyse the rest file by file. */
  covered: Set<string>;
  stats: { projects: number; files: number; runs: number };
}

const SCRIPT = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export function isAnalyzableScript(path: string): boolean {
  return SCRIPT.test(path) && !/\.d\.[cm]?ts$/i.test(path);
}

/**
 * The whole-program analysis of a scan: one program per tsconfig.json found among the files (the nearest
 * tsconfig that includes a file claims it), and one more for the scripts no tsconfig claims. A tsconfig that
 * cannot be read is an input error and its files fall to that last program.
 */
export function analyzeFiles(input: AnalyzeFilesInput): AnalyzeFilesOutput {
  const absolute = (p: string) => (isAbsolute(p) ? resolve(p) : resolve(input.cwd, p));
  const given = new Map<string, string>(); // absolute -> path as given
  const texts = new Map<string, string>();
  for (const file of input.files) {
    const abs = toPosix(absolute(file.path));
    given.set(abs, file.path);
    texts.set(abs, file.text);
  }
  const scripts = new Set([...given.keys()].filter(isAnalyzableScript));
  const configs = [...given.keys()].filter((p) => basename(p) === 'tsconfig.json' || basename(p) === 'jsconfig.json').sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1));
  const output: AnalyzeFilesOutput = { findings: [], errors: [], covered: new Set(), stats: { projects: 0, files: 0, runs: 0 } };
  const results = new Map<string, FlowResult[]>();
  const claimed = new Set<string>();
  const scriptTexts = new Map([...texts].filter(([p]) => scripts.has(p)));
  // Literals handed to credential APIs: read from the same parsed files, reported beside the flows.
  const credentials: Finding[] = [];
  const display = (file: string) => given.get(file) ?? toPosix(relative(input.cwd, file));
  let analysed = 0;

  const run = (project: LoadedProject, members: ts.SourceFile[]) => {
    if (members.length === 0) return;
    const outcome = analyzeWholeProgram(project, members, input.options ?? {}, () => input.onProgress?.(++analysed, scripts.size));
    for (const [file, list] of outcome.results) results.set(file, list);
    for (const [file, reason] of outcome.failures) {
      output.errors.push({ file: given.get(file) ?? file, message: `the analyzer could not analyse this file (${reason.slice(0, 300)})` });
    }
    output.stats.projects++;
    output.stats.files += members.length;
    output.stats.runs += outcome.runs;
    for (const m of members) {
      output.covered.add(given.get(m.fileName)!);
      credentials.push(...credentialLiteralFindings(ts as unknown as typeof TS, m as unknown as TS.SourceFile, display(m.fileName)));
    }
  };

  for (const config of configs) {
    let project: LoadedProject;
    try {
      project = loadTsconfigProject(config, scriptTexts);
    } catch (error) {
      output.errors.push({ file: given.get(config)!, message: `the analyzer could not load this project (${firstLine(error)}); its files are analysed without it` });
      continue;
    }
    const members = project.program.getSourceFiles().filter((sf) => scripts.has(sf.fileName) && !claimed.has(sf.fileName) && within(sf.fileName, dirname(config)));
    for (const m of members) claimed.add(m.fileName);
    guarded(output, given.get(config)!, () => run(project, members));
  }

  const unclaimed = [...scriptTexts].filter(([p]) => !claimed.has(p));
  for (const loose of programsOfAtMost(LOOSE_PROGRAM_CHARS, unclaimed)) {
    guarded(output, given.get([...loose.keys()][0]!)!, () => {
      const project = loadLooseProject(loose);
      run(project, project.program.getSourceFiles().filter((sf) => loose.has(sf.fileName)));
    });
  }

  output.findings = [
    ...resultsToFindings(results, {
      text: (file) => texts.get(file),
      display,
    }),
    ...credentials,
  ];
  return output;
}

/**
 * Scripts no tsconfig claims are analysed in programs of at most this much text: a program's memory grows with its
 * text (19 MB of vendored JavaScript in 6,500 files peaked at 1.2 GB), and a large tree in one program would
 * outgrow Node's default heap. Flows between two such programs are not followed; each file is still analysed.
 */
const LOOSE_PROGRAM_CHARS = 12_000_000;

/** Splits files into groups of at most `limit` characters of text, in path order so a package's files stay together. */
export function programsOfAtMost(limit: number, files: ReadonlyArray<readonly [string, string]>): Array<Map<string, string>> {
  const groups: Array<Map<string, string>> = [];
  let current = new Map<string, string>();
  let size = 0;
  for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (size > 0 && size + text.length > limit) {
      groups.push(current);
      current = new Map();
      size = 0;
    }
    current.set(path, text);
    size += text.length;
  }
  if (current.size > 0) groups.push(current);
  return groups;
}

/** A failure inside one program is an input error for it; the other programs' results stand. */
function guarded(output: AnalyzeFilesOutput, file: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    output.errors.push({ file, message: `the analyzer failed on this program (${firstLine(error)})` });
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 300);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function depth(p: string): number {
  return p.split('/').length;
}

function within(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
