import { parseArgs } from 'node:util';
import { DEFAULT_MAX_FILE_SIZE } from './files/source-file.js';
import { parseShard, type Shard } from './shard.js';
import { UsageError } from './usage-error.js';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  format: Format;
  output?: string;
  staged: boolean;
  baseline?: string;
  writeBaseline?: string;
  deep: boolean;
  maxFileSize: number;
  quiet: boolean;
  /** `--config FILE`: the project config to use instead of `.secret-audit.yaml` in the working directory. */
  config?: string;
  /** Reuse results kept from earlier runs (`--no-cache` turns it off); `cacheDir` moves it. */
  cache: boolean;
  cacheDir?: string;
  shard?: Shard;
  help: boolean;
  version: boolean;
}

/** Every flag; the help test checks each one is documented with an example. */
export const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  staged: { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  deep: { type: 'boolean' },
  'no-deep': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  config: { type: 'string' },
  'no-cache': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `1048576`, `512k`, `2MiB`, `1.5mb` -> bytes (binary multiples). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (!match || unit === undefined) throw new UsageError(`--max-file-size: cannot read "${text}" (examples: 1048576, 512KiB, 2MiB)`);
  return Math.floor(Number(match[1]) * unit);
}

/**
 * Rejects unknown flags by name before node's parser sees them, so the message names the flag only:
 * `--api-key=<value>` must not echo its value back.
 */
function checkFlagNames(argv: string[]): void {
  const takesValue = new Map<string, boolean>(); // short letter -> whether it takes a value
  for (const option of Object.values(OPTIONS)) if ('short' in option) takesValue.set(option.short, option.type === 'string');
  for (const arg of argv) {
    if (arg === '--') return;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (!Object.hasOwn(OPTIONS, name)) throw new UsageError(`unknown option --${name}`);
    } else if (arg.startsWith('-') && arg !== '-') {
      for (const letter of arg.slice(1)) {
        const valued = takesValue.get(letter);
        if (valued === undefined) throw new UsageError(`unknown option -${letter}`);
        if (valued) break; // the rest of the group is this option's value
      }
    }
  }
}

export function parseCliArgs(argv: string[]): CliOptions {
  checkFlagNames(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError('an option is missing its value (see --help)');
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const { values, positionals } = parsed;
  if (values.deep && values['no-deep']) throw new UsageError('--deep and --no-deep contradict each other');
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir contradict each other');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  return {
    paths: positionals,
    format: format as Format,
    ...(values.output !== undefined ? { output: values.output } : {}),
    staged: values.staged ?? false,
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    ...(values['write-baseline'] !== undefined ? { writeBaseline: values['write-baseline'] } : {}),
    // A pre-commit run must stay near Node's start-up time, so --staged keeps to the fast checks unless asked.
    deep: values.deep ?? (values['no-deep'] ? false : !(values.staged ?? false)),
    maxFileSize: values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : DEFAULT_MAX_FILE_SIZE,
    quiet: values.quiet ?? false,
    ...(values.config !== undefined ? { config: values.config } : {}),
    cache: !values['no-cache'],
    ...(values['cache-dir'] !== undefined ? { cacheDir: values['cache-dir'] } : {}),
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
