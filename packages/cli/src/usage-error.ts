/** A problem with how the CLI was called (bad flag, missing path): reported with the usage line, exit code 2. */
export class UsageError extends Error {}
