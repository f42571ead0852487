import { type CompiledCatalog, LineIndex, tokenFindings } from '@secret-hygiene/core';
import { remapToNotebook } from '../notebook/remap.js';
import { isNotebook, notebookSegments } from '../notebook/segments.js';
import type { SourceFile } from '../files/source-file.js';
import { type ScanOutput, type Scanner, scanEachYielding } from './scanner.js';

/** Hardcoded tokens in every text file; notebooks cell by cell (sources and outputs). Cheap: always on. */
export const tokenScanner: Scanner = {
  name: 'token detector',
  deep: false,
  cacheGrain: 'file',
  wants: (files) => files.length > 0,
  async scan(files, context) {
    const errors: ScanOutput['errors'] = [];
    const catalog = context.tokenCatalog;
    const output = await scanEachYielding(
      this.name,
      files,
      (file) => {
        if (!isNotebook(file.path)) return tokenFindings(file.path, file.text, catalog);
        try {
          return scanNotebook(file, catalog);
        } catch (error) {
          errors.push({ file: file.path, message: `not a readable notebook (${(error as Error).message}); scanned as plain text` });
          return tokenFindings(file.path, file.text, catalog);
        }
      },
      context.progress,
    );
    output.errors.push(...errors);
    return output;
  },
};

function scanNotebook(file: SourceFile, catalog: CompiledCatalog | undefined) {
  const index = new LineIndex(file.text);
  return notebookSegments(file.text).flatMap((segment) =>
    remapToNotebook(tokenFindings(file.path, segment.text, catalog), segment, index),
  );
}
