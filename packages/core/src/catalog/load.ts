import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options as AjvOptions } from 'ajv';
import { redact } from '../redact.js';
import { CatalogError } from './errors.js';

// ajv and yaml load on first use: runs read the prebuilt catalog JSON, and a CLI start must not pay for them.
const require = createRequire(import.meta.url);
const newAjv = (options: AjvOptions): Ajv => new (require('ajv') as typeof import('ajv')).Ajv(options);
type YamlOptions = import('yaml').ParseOptions & import('yaml').DocumentOptions & import('yaml').SchemaOptions & import('yaml').ToJSOptions;
const parseYaml = (text: string, options: YamlOptions): unknown =>
  (require('yaml') as typeof import('yaml')).parse(text, options);

/** The validated catalog: one document per `rules/<name>.yaml`, keyed by `<name>`. */
export type CatalogDocuments = Record<string, unknown>;

/** Loads every `<dir>/*.yaml` and validates it against `<dir>/schema/<name>.schema.json`. */
export function loadCatalogDir(dir: string): CatalogDocuments {
  const documents: CatalogDocuments = {};
  const ajv = newAjv({ allErrors: false, strict: true, allowUnionTypes: true });
  for (const entry of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const name = basename(entry, '.yaml');
    const file = join(dir, entry);
    const schemaFile = join(dir, 'schema', `${name}.schema.json`);
    let schema: object;
    try {
      schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    } catch (error) {
      throw new CatalogError(file, undefined, `no readable schema at ${schemaFile}: ${(error as Error).message}`);
    }
    documents[name] = validateCatalogDocument(file, parseYamlFile(file), schema, ajv);
  }
  return documents;
}

function parseYamlFile(file: string): unknown {
  return parseYamlText(file, readFileSync(file, 'utf8'));
}

/** The `parse` of the `yaml` package: callers that are bundled pass the one they imported. */
export type YamlParse = (text: string, options: YamlOptions) => unknown;

/**
 * Parses one YAML document (duplicate keys rejected); the error names `file` and quotes no content. The parser
 * loads on first use; code that ships in the bundled CLI passes `parse` from its own `import('yaml')`, which the
 * bundler can see, where this module's `require` resolves only inside the workspace.
 */
export function parseYamlText(file: string, text: string, parse: YamlParse = parseYaml): unknown {
  try {
    return parse(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new CatalogError(file, undefined, `not valid YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`);
  }
}

/** Validates one parsed document; the error names the entry (by index and id) that broke it. */
export function validateCatalogDocument(file: string, data: unknown, schema: object, ajv = newAjv({ strict: true, allowUnionTypes: true })): unknown {
  const validate = ajv.compile(schema);
  if (validate(data)) return data;
  throw schemaError(file, data, validate.errors?.[0]);
}

/** A schema violation as a CatalogError naming the entry and the reason, never a value (precompiled validators too). */
export function schemaError(file: string, data: unknown, error: ErrorObject | undefined): CatalogError {
  return new CatalogError(file, describeEntry(data, error), describeReason(error));
}

function describeEntry(data: unknown, error: ErrorObject | undefined): string | undefined {
  if (!error) return undefined;
  const parts = error.instancePath.split('/').slice(1);
  let node: unknown = data;
  const trail: string[] = [];
  for (const part of parts) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<string, unknown>)[part];
    if (/^\d+$/.test(part)) {
      const label = node && typeof node === 'object' ? ((node as Record<string, unknown>).id ?? (node as Record<string, unknown>).key ?? (node as Record<string, unknown>).name) : undefined;
      trail.push(`entry ${part}${typeof label === 'string' ? ` (${shownName(label)})` : ''}`);
    } else trail.push(shownName(part));
  }
  return trail.length ? trail.join(' > ') : undefined;
}

/**
 * A key or id from the file, as an error message may show it: a word-like name (a typo such as `extraLogers`,
 * an id such as `x509-key`) in full; anything longer, digit-heavy or with other characters redacted, since a
 * misplaced secret can sit where a key belongs.
 */
export function shownName(name: string): string {
  const wordLike = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/.test(name) && (name.match(/\d/g)?.length ?? 0) <= 3;
  return wordLike ? name : redact(name);
}

function describeReason(error: ErrorObject | undefined): string {
  if (!error) return 'does not match its schema';
  const extra = error.keyword === 'additionalProperties' ? ` '${shownName(String(error.params.additionalProperty))}'` : '';
  const allowed = error.keyword === 'enum' ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
  return `${error.message ?? 'is invalid'}${extra}${allowed}`;
}
