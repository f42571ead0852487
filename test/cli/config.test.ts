import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../packages/cli/src/config/load.js';
import { main } from '../../packages/cli/src/main.js';
import { git, plantedSecrets, randomAlphanumeric, REPO_ROOT, tempTree } from '../support/cli.js';

const FIXTURES = join(REPO_ROOT, 'fixtures/cli-config');
/** Comments only: running with it is running without a config. */
const EMPTY = join(FIXTURES, 'empty.yaml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** `rule severity file:line` for every finding of a JSON run. */
async function findings(cwd: string, extra: string[] = []): Promise<string[]> {
  const result = await run(['--format', 'json', ...extra], cwd);
  expect(result.stderr).toBe('');
  const report = JSON.parse(result.stdout) as { findings: Array<{ ruleId: string; severity: string; file: string; line: number }> };
  return report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`);
}

describe('the project config changes what each front end reports', () => {
  // Each fixture holds a .secret-audit.yaml; the comparison run points --config at an empty one.
  it.each([
    ['extra-loggers', ['no-secret-in-log error app.ts:4', 'no-secret-in-log error predict.py:9'], []],
    ['extra-secret-env', ['no-secret-in-log error app.ts:2', 'no-secret-in-log error predict.py:5'], []],
    ['extra-secret-types', ['no-secret-in-output error predict.py:10'], []],
    ['extra-entry-points', ['no-secret-in-output error app.ts:2'], []],
    ['extra-sanitizers', [], ['no-secret-in-log error app.ts:7', 'no-secret-in-log error predict.py:12']],
    ['ignore-paths', [], ['no-secret-in-log error vendor/leaky.ts:2']],
    ['rules', ['no-secret-in-log warning app.ts:2'], ['no-secret-in-log error app.ts:2', 'require-https warning app.ts:3']],
    ['json-config', ['no-secret-in-log error app.ts:2'], []],
  ])('%s', async (name, withConfig, withoutConfig) => {
    const dir = join(FIXTURES, name);
    expect(await findings(dir)).toEqual(withConfig);
    expect(await findings(dir, ['--config', EMPTY])).toEqual(withoutConfig);
  });

  it('extraSecretTypes makes getSecretValue() of the type a secret for the type-aware analyzer', async () => {
    // Not a fixture file: ESLint's untyped mode trusts the method name alone, and the fixtures are linted untyped.
    const tree = tempTree({
      'app.ts': [
        'interface VaultBox {',
        '  getSecretValue(): string;',
        '}',
        '',
        'export function start(box: VaultBox): void {',
        "  console.log('value:', box.getSecretValue());",
        '}',
        '',
      ].join('\n'),
    });
    try {
      cpSync(join(FIXTURES, 'extra-secret-types/.secret-audit.yaml'), join(tree.dir, '.secret-audit.yaml'));
      expect(await findings(tree.dir)).toEqual(['no-secret-in-log error app.ts:6']);
      expect(await findings(tree.dir, ['--config', EMPTY])).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  it('a severity override decides the exit status', async () => {
    const dir = join(FIXTURES, 'rules');
    expect((await run(['-q'], dir)).code).toBe(0); // the log leak is only a warning here
    expect((await run(['-q', '--config', EMPTY], dir)).code).toBe(1);
  });

  it('extraTokens finds a project token format, redacted, and the shipped formats still run', async () => {
    const tree = tempTree({});
    try {
      cpSync(join(FIXTURES, 'extra-tokens'), tree.dir, { recursive: true });
      const acme = `acme_${randomAlphanumeric(32)}`;
      const { github } = plantedSecrets();
      writeFileSync(join(tree.dir, 'settings.py'), `ACME = "${acme}"\nGH = "${github}"\n`);
      const result = await run(['--no-deep', '--format', 'json'], tree.dir);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { findings: Array<{ detector: string; line: number; message: string }> };
      expect(report.findings.map((f) => `${f.detector}:${f.line}`)).toEqual(['acme-api-key:1', 'github-pat-classic:2']);
      expect(report.findings[0]!.message).toContain('Acme API key');
      expect(result.stdout).not.toContain(acme);
      expect(result.stdout).not.toContain(acme.slice(10));
      expect(await findings(tree.dir, ['--no-deep', '--config', EMPTY])).toEqual(['no-hardcoded-secret error settings.py:2']);
    } finally {
      tree.cleanup();
    }
  });

  it('ignorePaths applies to --staged runs too', async () => {
    const { github } = plantedSecrets();
    const tree = tempTree({ '.secret-audit.yaml': 'ignorePaths: [generated/]\n', 'generated/keys.txt': `${github}\n`, 'app.txt': `${github}\n` });
    try {
      git(tree.dir, ['init', '-q']);
      git(tree.dir, ['add', '.']);
      expect(await findings(tree.dir, ['--staged'])).toEqual(['no-hardcoded-secret error app.txt:1']);
    } finally {
      tree.cleanup();
    }
  });
});

describe('a config that cannot be used stops the run with exit status 2 and names the key', () => {
  const secret = `ghp_${randomAlphanumeric(36)}`;
  it.each([
    ['unknown key', 'extraLogers: [audit]\n', "must NOT have additional properties 'extraLogers'"],
    ['wrong type', 'extraLoggers: audit\n', 'extraLoggers: must be array'],
    ['unknown rule', 'rules:\n  no-such-rule: off\n', 'rules > no-such-rule: no such rule'],
    ['bad severity', 'rules:\n  require-https: loud\n', 'rules > require-https: must be equal to one of the allowed values (error, warning, note, off)'],
    ['token without keywords', "extraTokens:\n  - id: acme\n    description: Acme\n    pattern: 'acme_[a-z]{8}'\n", "extraTokens > entry 0 (acme): must have required property 'keywords'"],
    ['regex that does not compile', "extraTokens:\n  - { id: acme, description: Acme, pattern: 'acme_(', keywords: [acme_] }\n", 'extraTokens > entry 0 (acme): pattern does not compile'],
    ['regex that matches nothing', "extraTokens:\n  - { id: acme, description: Acme, pattern: 'x*', keywords: [x] }\n", 'pattern matches the empty string'],
    ['exponential regex', "extraTokens:\n  - { id: acme, description: Acme, pattern: '(?<secret>[a-z0-9]+)+!', keywords: [acme_] }\n", 'extraTokens > entry 0 (acme): the pattern backtracks super-linearly'],
    ['quadratic regex', "extraTokens:\n  - { id: acme, description: Acme, pattern: '[a-z]+=[a-z]+;', keywords: [acme_] }\n", 'the pattern backtracks super-linearly'],
    ['built-in token id', "extraTokens:\n  - { id: github-pat-classic, description: Mine, pattern: 'mine_[a-z]{8}', keywords: [mine_] }\n", 'already used by a built-in token format'],
    ['broken YAML', 'extraLoggers: [audit\n', 'not valid YAML'],
    ['a secret as a key', `${secret}: 1\n`, `must NOT have additional properties 'ghp_…[redacted]'`],
    ['a secret as a rule id', `rules:\n  ${secret}: off\n`, 'rules: must match pattern'],
    ['a secret as a value', `extraLoggers: ${secret}\n`, 'extraLoggers: must be array'],
  ])('%s', async (_name, text, message) => {
    const tree = tempTree({ '.secret-audit.yaml': text, 'a.txt': 'nothing here\n' });
    try {
      const result = await run(['--no-deep'], tree.dir);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`secret-audit: .secret-audit.yaml: `);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).not.toContain(secret.slice(8));
    } finally {
      tree.cleanup();
    }
  });

  it('a JSON config that is not JSON, and a --config file that does not exist', async () => {
    const tree = tempTree({ '.secret-audit.json': '{ "extraLoggers": [', 'a.txt': 'x\n' });
    try {
      const broken = await run([], tree.dir);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('.secret-audit.json: not valid JSON');
      const missing = await run(['--config', 'nope.yaml'], tree.dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--config: file not found: nope.yaml');
    } finally {
      tree.cleanup();
    }
  });
});

describe('the config schema', () => {
  it('is a valid draft-07 schema under ajv strict mode (runs skip this check for speed)', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'rules/schema/secret-audit-config.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});

describe('the README example config', () => {
  it('is valid and sets every key', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const tree = tempTree({ '.secret-audit.yaml': example });
    try {
      const config = await loadProjectConfig(join(tree.dir, '.secret-audit.yaml'), tree.dir);
      expect(Object.keys(config.names).sort()).toEqual(['extraEntryPoints', 'extraLoggers', 'extraSanitizers', 'extraSecretEnv', 'extraSecretTypes']);
      expect(config.tokenCatalog?.entries.some((e) => e.entry.id === 'acme-api-key')).toBe(true);
      expect(config.ignorePaths).toEqual(['vendor/', '**/*.snap']);
      expect(config.rules).toEqual({ 'require-https': 'error', 'config-secret-unused': 'off' });
    } finally {
      tree.cleanup();
    }
  });
});

describe('a --staged run with a config file', () => {
  it('loads the YAML parser and the precompiled validator, never ajv', () => {
    const tree = tempTree({ '.secret-audit.yaml': 'extraLoggers: [audit]\n', 'notes.md': 'nothing here\n' });
    try {
      git(tree.dir, ['init', '-q']);
      git(tree.dir, ['add', '.']);
      const graph = spawnSync(process.execPath, [join(REPO_ROOT, 'test/support/import-graph.mjs'), '--staged'], { cwd: tree.dir, encoding: 'utf8' });
      const { code, modules } = JSON.parse(graph.stdout) as { code: number; modules: string[] };
      expect(code).toBe(0);
      expect(modules.some((url) => url.includes('/node_modules/yaml/'))).toBe(true);
      expect(modules.some((url) => url.endsWith('/generated/config-validator.js'))).toBe(true);
      expect(modules.filter((url) => url.includes('/node_modules/ajv/'))).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });
});
