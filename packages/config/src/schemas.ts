import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledFile } from '@secret-hygiene/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** The editor schemas for the secrets sections, shipped in rules/schema/ and used here through ajv. */
export type SectionSchema = 'truss-secrets' | 'inf-secrets';

const compiled = new Map<SectionSchema, ValidateFunction>();
let ajv: Ajv | undefined;

/**
 * The bundled CLI ships the file beside its code; a published package carries its own copy in `schema/`; in the
 * repository the file lives in rules/schema/.
 */
export function schemaPath(name: SectionSchema): string {
  const bundled = bundledFile(import.meta.url, `${name}.schema.json`);
  if (bundled) return bundled;
  const packaged = fileURLToPath(new URL(`../schema/${name}.schema.json`, import.meta.url));
  return existsSync(packaged) ? packaged : fileURLToPath(new URL(`../../../rules/schema/${name}.schema.json`, import.meta.url));
}

function validator(name: SectionSchema): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    // The schemas are checked against the JSON Schema meta-schema by the tests; skipping that here saves the
    // meta-schema's compilation on every run.
    ajv ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, validateSchema: false });
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object);
    compiled.set(name, validate);
  }
  return validate;
}

/** Schema errors for `data` (the config's secrets-related sections as plain values). */
export function validateSections(name: SectionSchema, data: unknown): ErrorObject[] {
  const validate = validator(name);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** `/secrets/0/key` -> ['secrets', '0', 'key'] (JSON Pointer unescaping included). */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
