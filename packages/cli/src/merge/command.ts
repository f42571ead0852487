import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIO } from '../main.js';
import { scrubSecrets } from '../scrub.js';
import { UsageError } from '../usage-error.js';
import { jsonFails, mergeJsonReports } from './json.js';
import { MergeInputError, mergeSarifLogs } from './sarif.js';

/** The merge subcommands: each joins the reports of shards in one format and tells whether the result fails. */
const MERGERS = {
  'merge-sarif': {
    usage: 'Usage: secret-audit merge-sarif OUT.sarif IN.sarif [IN.sarif...]',
    about: 'Writes one SARIF 2.1.0 log with one run holding the rules, results and notifications of every input.',
    merge: (inputs: Array<{ name: string; log: unknown }>) => {
      const log = mergeSarifLogs(inputs);
      return { document: log, fails: log.runs[0]!.results!.some((result) => result.level === 'error') };
    },
  },
  'merge-json': {
    usage: 'Usage: secret-audit merge-json OUT.json IN.json [IN.json...]',
    about: 'Writes one JSON report holding the findings, errors and stats of every input.',
    merge: (inputs: Array<{ name: string; log: unknown }>) => {
      const report = mergeJsonReports(inputs);
      return { document: report, fails: jsonFails(report) };
    },
  },
} as const;

export function isMergeCommand(name: string | undefined): name is keyof typeof MERGERS {
  return name !== undefined && Object.hasOwn(MERGERS, name);
}

function readLog(cwd: string, name: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, name), 'utf8');
  } catch (error) {
    throw new MergeInputError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new MergeInputError(`${name}: not JSON`);
  }
}

/**
 * `secret-audit merge-sarif|merge-json OUT IN...`: the shards' reports as one. Exits like a scan: 1 when a merged
 * finding has severity error, 0 otherwise, 2 when an input cannot be read or merged (then OUT is not written).
 */
export async function mergeCommand(command: keyof typeof MERGERS, argv: string[], io: CliIO): Promise<number> {
  const { usage: USAGE, about, merge } = MERGERS[command];
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(`${USAGE}\n${about}\n`);
    return 0;
  }
  const [output, ...inputs] = argv;
  const option = argv.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new UsageError(`${command} takes no option ${option.split('=')[0]}\n${USAGE}`);
  if (output === undefined || inputs.length === 0) throw new UsageError(`${command} needs an output file and at least one input\n${USAGE}`);
  try {
    const merged = merge(inputs.map((name) => ({ name, log: readLog(io.cwd, name) })));
    const target = resolve(io.cwd, output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(merged.document, null, 2) + '\n');
    return merged.fails ? 1 : 0;
  } catch (error) {
    if (!(error instanceof MergeInputError)) throw error;
    io.stderr.write(`secret-audit ${command}: ${scrubSecrets(error.message)}\n`);
    return 2;
  }
}
