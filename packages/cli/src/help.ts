export const USAGE =
  'Usage: secret-audit [paths...] [--format text|json|sarif] [--output FILE] [--staged] [--baseline FILE] ' +
  '[--write-baseline FILE] [--deep | --no-deep] [--max-file-size SIZE] [--config FILE] [--quiet] ' +
  '[--no-cache | --cache-dir DIR] [--shard I/N]\n' +
  '       secret-audit init [dir] [--force]\n' +
  '       secret-audit merge-sarif OUT.sarif IN.sarif...   (or merge-json OUT.json IN.json...)';

export const HELP = `${USAGE}

Finds secrets (API keys, tokens, passwords) written into a repository and the places where a secret value
can leak: logs, error messages, model outputs, plain-HTTP requests, platform configs (Truss config.yaml,
inference.sh inf.yml, cog.yaml). Findings show redacted evidence only.

Paths (default: the current directory) are scanned recursively. .gitignore files are honoured (files named
on the command line are scanned anyway); .git, node_modules and Python virtualenvs are never entered; binary
files and files over the size limit are skipped and counted. Notebooks (.ipynb) are scanned cell by cell,
outputs included.

Options
  -f, --format FORMAT       text (default), json or sarif (SARIF 2.1.0, for code scanning)
                              secret-audit . --format sarif --output results.sarif
  -o, --output FILE         write the report to FILE instead of standard output
                              secret-audit --format json -o audit.json
      --staged              scan what is staged in git's index, not the working tree (pre-commit hooks);
                            paths, if given, narrow the staged set; runs the fast checks only unless
                            --deep is given
                              secret-audit --staged
      --baseline FILE       report only findings that FILE does not already list
                              secret-audit . --baseline .secret-audit-baseline.json
      --write-baseline FILE record the current findings in FILE (they then count as known in this run)
                              secret-audit . --write-baseline .secret-audit-baseline.json
      --no-deep             only the fast checks (hardcoded tokens, configs); skip the flow analyses of
                            JavaScript/TypeScript and Python (the default with --staged)
                              secret-audit src --no-deep
      --deep                run the flow analyses with --staged too (they load TypeScript, ts-morph and
                            tree-sitter, which costs about a second)
                              secret-audit --staged --deep
      --max-file-size SIZE  skip larger files (default 1MiB; accepts bytes, KiB, MiB); notebooks may be 16 times
                            larger, since their images are not scanned
                              secret-audit . --max-file-size 4MiB
      --config FILE         the project config to use (default: .secret-audit.yaml, .secret-audit.yml or
                            .secret-audit.json in the current directory, if there is one)
                              secret-audit . --config ci/secret-audit.yaml
  -q, --quiet               print findings only, without the summary line or the progress line
                              secret-audit . -q
      --no-cache            do not read or write the result cache (also: SECRET_AUDIT_NO_CACHE=1); the cache,
                            .secret-audit-cache/ in the working directory, reuses a result while the files,
                            options, version and catalog behind it are unchanged (never with --staged)
                              secret-audit . --no-cache
      --cache-dir DIR       keep the result cache in DIR instead (for example a folder CI restores)
                              secret-audit . --cache-dir ~/.cache/secret-audit
      --shard I/N           scan the I-th of N parts of the files (CI matrices); a part never splits a TypeScript
                            program or a project (the nearest folder with tsconfig.json, package.json,
                            pyproject.toml or a platform config, else the top-level folder), so one large project
                            keeps its part large; merge the parts' SARIF reports with merge-sarif
                              secret-audit . --shard 2/4 --format sarif -o shard-2.sarif
  -h, --help                show this help
                              secret-audit --help
  -v, --version             print the version
                              secret-audit --version

Commands
  init [dir] [--force]      write a starter .secret-audit.yaml, add the secret-audit hook to
                            .pre-commit-config.yaml and write .github/workflows/secret-audit.yml (SARIF upload
                            to code scanning); existing files are kept unless --force
                              secret-audit init
  merge-sarif OUT IN...     merge the SARIF reports of --shard runs into one run (rules, results and
                            notifications of every input); "merge-json" does the same for JSON reports; exits 1
                            when a merged finding is an error, 0 otherwise, 2 when an input cannot be read or is
                            not such a report
                              secret-audit merge-sarif all.sarif shard-1.sarif shard-2.sarif

Project config (.secret-audit.yaml): extraLoggers, extraSanitizers, extraSecretTypes, extraSecretEnv,
extraEntryPoints (the ESLint rules' option names), extraTokens (token formats of your own), ignorePaths
(.gitignore syntax) and rules (severity per rule: error, warning, note or off). An invalid config stops the run
with exit status 2 and names the key.

Suppressing one finding: put "secret-hygiene-ignore <rule-id> -- <reason>" in a comment on the line before it
(or at the end of its line). A suppression without a reason is itself reported (invalid-suppression).

Exit status
  0  no finding of severity error (warnings and notes are printed but do not fail the run)
  1  at least one finding of severity error
  2  usage error (unknown option, bad value, missing path) or internal failure
Files that cannot be read or decoded are reported as input errors (stderr, and the JSON/SARIF reports);
they do not change the exit status.

Colours are used only when standard output is a terminal and NO_COLOR is not set. A progress line is drawn
on standard error for runs longer than a second, only when standard error is a terminal, without --quiet and
when CI is not set; it is erased before the report is printed.
`;
