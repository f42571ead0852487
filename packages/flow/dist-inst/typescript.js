import { createRequire } from 'node:module';
import { bundledFile } from '@secret-hygiene/core';
let loaded;
/**
 * The `typescript` package, loaded on first use and with `require`: an ESM import of this CommonJS module makes
 * Node scan its 9 MB source for export names, and the whole-program analyzer, which brings ts-morph's own copy of
 * the compiler, must not pay for loading a second one. The bundled CLI ships the compiler beside its chunks.
 */
export function loadTypescript() {
    return (loaded ??= createRequire(import.meta.url)(bundledFile(import.meta.url, 'typescript.cjs') ?? 'typescript'));
}
