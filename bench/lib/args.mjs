// Command-line flags of `npm run bench`.
const USAGE = `usage: npm run bench -- [--runs N] [--only section[,section...]] [--list] [--no-json]
  --runs N      timed runs per command after one warm-up (default 5)
  --only LIST   run only these sections (comma-separated ids; see --list)
  --list        print the section ids and exit
  --no-json     do not write bench/.work/results.json`;

export function parseArgs(argv) {
  const options = { runs: 5, only: null, list: false, json: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--runs') options.runs = Number.parseInt(value(), 10);
    else if (flag === '--only') options.only = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (flag === '--list') options.list = true;
    else if (flag === '--no-json') options.json = false;
    else if (flag === '--help' || flag === '-h') return { help: USAGE };
    else return { error: `unknown argument: ${arg}\n${USAGE}` };
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) return { error: `--runs needs a positive integer\n${USAGE}` };
  return { options };
}
