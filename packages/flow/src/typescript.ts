import { createRequire } from 'node:module';
import type * as TS from 'typescript';

/**
 * The `typescript` package, loaded with `require`: an ESM import of this CommonJS module makes Node scan its
 * 9 MB source for export names and module syntax, about half a second of every ESLint or CLI run.
 */
export const typescript: typeof TS = createRequire(import.meta.url)('typescript') as typeof TS;
