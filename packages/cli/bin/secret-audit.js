#!/usr/bin/env node
// Committed launcher: it exists before the build, so npm can link it as a bin at install time.
import { main } from '../dist/main.js';

// `secret-audit . | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`secret-audit: cannot write the report: ${error.message}\n`);
  process.exit(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`secret-audit: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
