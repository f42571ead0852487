// Issue 6: the Python front end over 2,000 real-sized files.
import { ensurePythonCorpus, PYTHON_FILE_COUNT } from '../lib/generated-corpora.mjs';
import { describeFiles, listFiles, PYTHON_PACKAGE } from '../lib/corpora.mjs';
import { formatBytes } from '../lib/format.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { SECRETLINT_LABEL, secretlintCommand } from '../lib/peer-commands.mjs';
import { auditCommand, probeCli, probePackageExports } from '../lib/targets.mjs';
import { skippedVerdict, wallVerdict } from '../lib/verdict.mjs';
import { auditNotes } from './config.mjs';

const SUBJECT = 'secret-audit';
const LIMIT_MS = 5000;

export default {
  id: 'python',
  title: `Python: secret-audit over ${PYTHON_FILE_COUNT.toLocaleString('en')} real-sized Python files`,
  target: `median wall time under ${LIMIT_MS / 1000} s`,
  async plan({ log }) {
    ensurePeers(log);
    const { dir, summary } = ensurePythonCorpus(log);
    const files = describeFiles(listFiles(dir, (file) => file.endsWith('.py')));
    const description = [
      `corpus: bench/.work/python-${PYTHON_FILE_COUNT} — ${summary.real} real files from ${PYTHON_PACKAGE.name}@${PYTHON_PACKAGE.version} (gyp) + ${summary.generated} generated model-serving files; ${files.count} files, ${formatBytes(files.bytes)}`,
    ];
    const skipped = [];
    const pythonPackage = await probePackageExports('python');
    const cli = pythonPackage.reason ? pythonPackage : await probeCli();
    if (cli.reason) skipped.push({ label: SUBJECT, reason: cli.reason });
    const commands = [];
    if (!skipped.length) commands.push(auditCommand(SUBJECT, ['--format', 'json', '.'], { cwd: dir, compareTo: SECRETLINT_LABEL }));
    commands.push(secretlintCommand(['**/*'], dir));
    return {
      description,
      commands,
      skipped,
      verdict: (rows) => (skipped.length ? skippedVerdict(skipped) : wallVerdict(rows, SUBJECT, LIMIT_MS)),
      after: (rows) => auditNotes(rows, SUBJECT),
    };
  },
};
