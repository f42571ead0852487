/** What `secret-audit init` writes; README.md shows the same workflow (a test keeps them equal). */

export const HOOK_REPO = 'https://github.com/secret-hygiene/secret-hygiene';
export const HOOK_REV = 'v0.1.0';
export const HOOK_ID = 'secret-audit';

/** The entry under `repos:` in `.pre-commit-config.yaml`, at the indentation of a top-level list item. */
export function preCommitEntry(indent: string): string {
  return [`${indent}- repo: ${HOOK_REPO}`, `${indent}  rev: ${HOOK_REV}`, `${indent}  hooks:`, `${indent}    - id: ${HOOK_ID}`].join('\n') + '\n';
}

export const PRE_COMMIT_CONFIG = `# See https://pre-commit.com: \`pre-commit install\` runs these hooks on every commit.
repos:
${preCommitEntry('  ')}`;

export const WORKFLOW = `# secret-audit: hardcoded secrets and secret values that reach logs, errors or outputs.
# Findings appear under Security > Code scanning; the job fails on a finding of severity error.
name: secret-audit
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  secret-audit:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write # upload-sarif writes to code scanning
    steps:
      - uses: actions/checkout@v4
      - id: audit
        uses: secret-hygiene/secret-hygiene@${HOOK_REV}
        with:
          path: .
          sarif-file: secret-audit.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always() # the SARIF is written even when the audit step fails on findings
        with:
          sarif_file: secret-audit.sarif
          category: secret-audit
`;

export const STARTER_CONFIG = `# secret-audit project config. Every key is optional; the names use the same keys as the
# ESLint rules' options (settings['secret-hygiene']). Schema: rules/schema/secret-audit-config.schema.json
# yaml-language-server: $schema=https://github.com/secret-hygiene/secret-hygiene/raw/main/rules/schema/secret-audit-config.schema.json

# Functions that log what they are given (TypeScript/JavaScript and Python), e.g. [audit, ctx.logger];
# an imported Python function goes by its module path (from trail import record: trail.record)
extraLoggers: []
# Functions whose result is safe to show (masking or hashing helpers), e.g. [maskKey]
extraSanitizers: []
# Types that hold a secret like the Secret class, e.g. [VaultSecret]
extraSecretTypes: []
# Environment variables that hold secrets whatever their names say, e.g. [MODEL_BLOB_CREDENTIAL]
extraSecretEnv: []
# Functions whose return value goes back to the caller (TypeScript/JavaScript), e.g. [handle]
extraEntryPoints: []

# Token formats of your own; each pattern must run in linear time. Example:
# extraTokens:
#   - id: acme-api-key
#     description: Acme API key
#     pattern: 'acme_[A-Za-z0-9]{32}'
#     keywords: [acme_]

# Paths not to scan (.gitignore syntax, relative to this file), e.g. [vendor/, '**/*.snap']
ignorePaths: []

# Severity per rule: error (fails the run), warning, note or off. Example:
# rules:
#   require-https: error
#   config-secret-unused: off
`;

/** Printed by \`init\` when the directory has a package.json. */
export const ESLINT_HINT = `To see findings in the editor, enable the ESLint plugin (eslint-plugin-secret-hygiene):
  // eslint.config.js
  import secretHygiene from 'eslint-plugin-secret-hygiene';
  export default [...secretHygiene.configs.recommended];
`;
