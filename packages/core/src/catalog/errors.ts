/** A catalog file or entry that does not hold up; says which file, which entry and why. */
export class CatalogError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | undefined,
    readonly reason: string,
  ) {
    super(`${file}${entry ? `: ${entry}` : ''}: ${reason}`);
    this.name = 'CatalogError';
  }
}
