// Command lines for the peer tools, each run as `node <entry script>` so no npx or shell start-up is timed.
import path from 'node:path';
import { writeIfChanged } from './files.mjs';
import { WORK_DIR, peerScript } from './paths.mjs';

export const NODE_NOOP_LABEL = 'node -e 0';
export const SECRETLINT_LABEL = 'secretlint (preset-recommend)';

export function nodeNoopCommand(cwd) {
  return { label: NODE_NOOP_LABEL, argv: [process.execPath, '-e', '0'], cwd };
}

/** secretlint with its recommended preset, on a glob or file list resolved from `cwd`. */
export function secretlintCommand(patterns, cwd, label = SECRETLINT_LABEL) {
  const rc = path.join(WORK_DIR, 'secretlintrc.json');
  writeIfChanged(rc, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
  return {
    label,
    argv: [process.execPath, peerScript('secretlint', 'bin', 'secretlint.js'), '--secretlintrc', rc, '--format', 'json', ...patterns],
    cwd,
    okCodes: [0, 1],
  };
}

/** `tsc --noEmit -p <project>`; type errors (exit 1 or 2) still mean the whole program was checked. */
export function tscCommand(project, label = 'tsc --noEmit') {
  return {
    label,
    argv: [process.execPath, peerScript('typescript', 'bin', 'tsc'), '--noEmit', '-p', project],
    cwd: path.dirname(project),
    okCodes: [0, 1, 2],
  };
}

/** ESLint 9 from bench/peers with an explicit flat config; cwd is the base path for the patterns. */
export function eslintCommand(label, configFile, patterns, cwd, extra = {}) {
  return {
    label,
    argv: [process.execPath, peerScript('eslint', 'bin', 'eslint.js'), '--config', configFile, '--format', 'json', '--no-warn-ignored', ...patterns],
    cwd,
    okCodes: [0, 1],
    ...extra,
  };
}
