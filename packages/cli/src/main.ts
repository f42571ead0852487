import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Baseline, BaselineError, createBaseline, readBaseline, writeBaseline } from '@secret-hygiene/core';
import { type CliOptions, parseCliArgs } from './args.js';
import { audit } from './audit.js';
import { findConfigFile } from './config/find.js';
import { ConfigError } from './config/project-config.js';
import { DEFAULT_CACHE_DIR_NAME } from './cache/store.js';
import { colors, useColors } from './format/colors.js';
import { NO_PROGRESS, progressLine, wantsProgress } from './format/progress.js';
import type { Report } from './format/report.js';
import { formatInputErrors, formatText } from './format/text.js';
import { HELP, USAGE } from './help.js';
import { applyBaseline, failsRun } from './postprocess.js';
import { scrubSecrets } from './scrub.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

async function render(report: Report, options: CliOptions, io: CliIO): Promise<string> {
  if (options.format === 'json') return (await import('./format/json.js')).formatJson(report);
  if (options.format === 'sarif') return (await import('./format/sarif.js')).formatSarif(report);
  const colored = options.output === undefined && useColors(io.stdout, io.env);
  return formatText(report, { colors: colors(colored), quiet: options.quiet });
}

async function run(options: CliOptions, io: CliIO): Promise<number> {
  const known: Baseline | undefined = options.baseline ? readBaseline(resolve(io.cwd, options.baseline)) : undefined;
  const configFile = findConfigFile(io.cwd, options.config); // the YAML parser loads only when a config exists
  const config = configFile ? await (await import('./config/load.js')).loadProjectConfig(configFile, io.cwd) : undefined;
  const progress = wantsProgress(io.stderr, io.env, options.quiet) ? progressLine(io.stderr) : NO_PROGRESS;
  // A --staged run is a few files; its results would evict the full scan's from the cache.
  const noCache = !options.cache || options.staged || !['', '0', undefined].includes(io.env.SECRET_AUDIT_NO_CACHE);
  const result = await audit({
    cwd: io.cwd,
    paths: options.paths,
    staged: options.staged,
    deep: options.deep,
    maxFileSize: options.maxFileSize,
    config,
    onProgress: (p) => progress.update(p),
    ...(!noCache ? { cache: { dir: resolve(io.cwd, options.cacheDir ?? DEFAULT_CACHE_DIR_NAME) } } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  }).finally(() => progress.clear());
  let baseline = known;
  if (options.writeBaseline) {
    writeBaseline(resolve(io.cwd, options.writeBaseline), result.findings);
    baseline = createBaseline(result.findings);
  }
  const { findings, baselined } = applyBaseline(result.findings, baseline);
  const report: Report = {
    findings,
    errors: result.errors,
    stats: { ...result.stats, baselined },
    sources: result.sources,
    unsuppressed: result.unsuppressed,
    cwd: io.cwd,
  };
  const text = await render(report, options, io);
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } else {
    io.stdout.write(text);
  }
  if (options.format === 'text' && report.errors.length > 0) io.stderr.write(formatInputErrors(report.errors));
  if (result.failures.length > 0) {
    for (const failure of result.failures) io.stderr.write(`secret-audit: internal error: ${failure}\n`);
    return 2;
  }
  return failsRun(findings) ? 1 : 0;
}

/** Runs secret-audit with the given arguments and resolves to the exit code (0 clean, 1 findings, 2 usage/internal). */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    if (argv[0] === 'init') return await (await import('./init/init.js')).runInit(argv.slice(1), io);
    if (argv[0]?.startsWith('merge-')) {
      const merge = await import('./merge/command.js');
      if (merge.isMergeCommand(argv[0])) return await merge.mergeCommand(argv[0], argv.slice(1), io);
    }
    const options = parseCliArgs(argv);
    if (options.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    return await run(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`secret-audit: ${scrubSecrets(error.message)}\n${USAGE}\nRun "secret-audit --help" for every option.\n`);
      return 2;
    }
    const what = error instanceof BaselineError || error instanceof ConfigError ? '' : 'internal error: ';
    io.stderr.write(`secret-audit: ${what}${scrubSecrets(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}
