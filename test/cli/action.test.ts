import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { WORKFLOW } from '../../packages/cli/src/init/templates.js';
import { plantedSecrets, REPO_ROOT, tempTree } from '../support/cli.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Workflow {
  name: string;
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; permissions?: Record<string, string>; steps: Step[] }>;
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const workflow = parse(WORKFLOW) as Workflow;

/** Every `${{ … }}` expression in a value, trimmed. */
function expressions(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/\$\{\{\s*(.*?)\s*\}\}/g)].map((m) => m[1]!);
}

/** A `uses` pinned to a release tag (`@v4`, `@v0.1.0`) or a commit. */
const PINNED = /^[\w.-]+\/[\w./-]+@(?:v\d+(?:\.\d+){0,2}|[0-9a-f]{40})$/;

describe('action.yml', () => {
  it('is a composite action with described inputs and outputs', () => {
    expect(action.name).toBe('secret-audit');
    expect(action.description).toMatch(/upload-sarif@v3/);
    expect(action.description).toMatch(/if: always\(\)/);
    expect(action.description).toMatch(/security-events: write/);
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'fail-on-findings', 'path', 'sarif-file']);
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toMatch(/\w/);
    expect(action.inputs['fail-on-findings']!.default).toBe('true');
    expect(action.inputs['sarif-file']!.default).toBe('secret-audit.sarif');
    expect(action.inputs['path']!.default).toBe('.');
  });

  it('every run step names its shell and every uses is pinned', () => {
    for (const step of action.runs.steps) {
      expect(Boolean(step.run) !== Boolean(step.uses), JSON.stringify(step)).toBe(true);
      if (step.run) expect(step.shell, step.name).toBe('bash');
      if (step.uses) expect(step.uses).toMatch(PINNED);
    }
    expect(action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('20');
    const install = action.runs.steps.find((s) => s.run?.includes('npm ci'));
    expect(install?.['working-directory']).toBe('${{ github.action_path }}');
  });

  it('every expression names a declared input, a step that exists or the action path', () => {
    const ids = new Set(action.runs.steps.map((s) => s.id).filter((id) => id !== undefined));
    for (const expression of expressions(action)) {
      const input = /^inputs\.([\w-]+)$/.exec(expression);
      const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (input) expect(Object.keys(action.inputs), expression).toContain(input[1]);
      else if (step) expect(ids.has(step[1]!), expression).toBe(true);
      else expect(expression).toBe('github.action_path');
    }
    // no input is spliced into a script's text, where a crafted value would run as code
    for (const step of action.runs.steps) expect(expressions(step.run ?? '')).toEqual([]);
  });

  it('each output comes from a value the audit step writes to GITHUB_OUTPUT', () => {
    const audit = action.runs.steps.find((s) => s.id === 'audit')!;
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(output.value).toBe(`\${{ steps.audit.outputs.${name} }}`);
      expect(audit.run).toContain(`echo "${name}=`);
    }
  });
});

describe('the workflow init writes (and README shows)', () => {
  it('checks out, runs this action and uploads the SARIF even when the audit fails', () => {
    const jobs = Object.values(workflow.jobs);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job['runs-on']).toMatch(/ubuntu/);
    expect(job.permissions).toMatchObject({ 'security-events': 'write', contents: 'read' });
    for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(PINNED);
    const [checkout, audit, upload] = job.steps;
    expect(checkout!.uses).toMatch(/^actions\/checkout@/);
    expect(audit!.uses).toMatch(/^secret-hygiene\/secret-hygiene@v/);
    for (const key of Object.keys(audit!.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    expect(upload!.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload!.if).toBe('always()');
    expect(upload!.with?.['sarif_file']).toBe(audit!.with?.['sarif-file']);
  });

  it('is the example in README.md', () => {
    expect(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).toContain(WORKFLOW);
  });
});

/**
 * Runs the audit step's script the way the runner does (bash -e, inputs through the env, GITHUB_OUTPUT a file),
 * with the action's defaults and the given inputs substituted.
 */
function runAuditStep(cwd: string, inputs: Record<string, string> = {}): { status: number | null; outputs: Record<string, string>; stdout: string } {
  const step = action.runs.steps.find((s) => s.id === 'audit')!;
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...inputs };
  const env = Object.fromEntries(
    Object.entries(step.env ?? {}).map(([key, value]) => [
      key,
      value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '').replace(/\$\{\{\s*github\.action_path\s*\}\}/g, REPO_ROOT.replace(/\/$/, '')),
    ]),
  );
  const outputFile = join(cwd, '.github-output');
  writeFileSync(outputFile, '');
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env, GITHUB_OUTPUT: outputFile },
    encoding: 'utf8',
  });
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: run.status, outputs, stdout: run.stdout };
}

describe("the action's command line on a fixture", () => {
  it('writes the SARIF and fails on findings by default; passes with fail-on-findings: false', () => {
    const { github } = plantedSecrets();
    const tree = tempTree({ 'src/settings.py': `TOKEN = "${github}"\n` });
    try {
      const failing = runAuditStep(tree.dir, { args: '--no-deep' });
      expect(failing.status).toBe(1);
      expect(failing.outputs).toEqual({ 'sarif-file': 'secret-audit.sarif', 'exit-code': '1' });
      const sarifText = readFileSync(join(tree.dir, 'secret-audit.sarif'), 'utf8');
      expect(sarifText).not.toContain(github);
      const sarif = JSON.parse(sarifText) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['no-hardcoded-secret']);

      const lenient = runAuditStep(tree.dir, { args: '--no-deep', 'fail-on-findings': 'false', 'sarif-file': 'out/report.sarif', path: 'src' });
      expect(lenient.status).toBe(0);
      expect(lenient.outputs).toEqual({ 'sarif-file': 'out/report.sarif', 'exit-code': '1' });
      expect(existsSync(join(tree.dir, 'out/report.sarif'))).toBe(true);
    } finally {
      tree.cleanup();
    }
  });

  it('passes on a clean tree, and a usage error fails the step whatever fail-on-findings says', () => {
    const tree = tempTree({ 'app.py': 'print("hello")\n' });
    try {
      const clean = runAuditStep(tree.dir);
      expect(clean.status).toBe(0);
      expect(clean.outputs['exit-code']).toBe('0');
      expect(existsSync(join(tree.dir, 'secret-audit.sarif'))).toBe(true);
      const broken = runAuditStep(tree.dir, { args: '--no-such-flag', 'fail-on-findings': 'false' });
      expect(broken.status).toBe(2);
      expect(broken.outputs['exit-code']).toBe('2');
    } finally {
      tree.cleanup();
    }
  });
});
