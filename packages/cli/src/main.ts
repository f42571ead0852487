/** Runs secret-audit with the given arguments and resolves to the exit code. */
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write('secret-audit: not implemented yet\n');
  return 2;
}
