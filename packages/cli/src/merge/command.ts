import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIO } from '../main.js';
import { scrubSecrets } from '../scrub.js';
import { UsageError } from '../usage-error.js';
import { MergeInputError, mergeSarifLogs } from './sarif.js';

const USAGE = 'Usage: secret-audit merge-sarif OUT.sarif IN.sarif [IN.sarif...]';

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
 * `secret-audit merge-sarif OUT IN...`: the shards' SARIF reports as one. Exits like a scan: 1 when a merged
 * result has level error, 0 otherwise, 2 when an input cannot be read or merged (then OUT is not written).
 */
export async function mergeSarifCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(`${USAGE}\nWrites one SARIF 2.1.0 log with one run holding the rules, results and notifications of every input.\n`);
    return 0;
  }
  const [output, ...inputs] = argv;
  const option = argv.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new UsageError(`merge-sarif takes no option ${option.split('=')[0]}\n${USAGE}`);
  if (output === undefined || inputs.length === 0) throw new UsageError(`merge-sarif needs an output file and at least one input\n${USAGE}`);
  try {
    const merged = mergeSarifLogs(inputs.map((name) => ({ name, log: readLog(io.cwd, name) })));
    const target = resolve(io.cwd, output);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(merged, null, 2) + '\n');
    return merged.runs[0]!.results!.some((result) => result.level === 'error') ? 1 : 0;
  } catch (error) {
    if (!(error instanceof MergeInputError)) throw error;
    io.stderr.write(`secret-audit merge-sarif: ${scrubSecrets(error.message)}\n`);
    return 2;
  }
}
