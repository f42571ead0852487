export type { Finding, FlowStep, InputError, Severity } from './finding.js';
export { REDACTION_MASK, redact, redactSpan, redactSpans } from './redact.js';
export { LineIndex, lineStarts, type Position } from './positions.js';
export { fingerprint, normaliseSnippet, type FingerprintInput } from './fingerprint.js';
export {
  INVALID_SUPPRESSION_RULE,
  SUPPRESSION_MARKER,
  applySuppressions,
  parseSuppressions,
  type Suppression,
  type SuppressionResult,
} from './suppression.js';
export { BaselineError, createBaseline, filterByBaseline, readBaseline, writeBaseline, type Baseline } from './baseline.js';
export { CatalogError } from './catalog/errors.js';
export { loadCatalogDir, parseYamlText, schemaError, shownName, validateCatalogDocument, type CatalogDocuments, type YamlParse } from './catalog/load.js';
export { builtinCatalog, catalogDocument } from './catalog/builtin.js';
export { bundledFile } from './runtime-file.js';
export { ownCopy } from './own-copy.js';
export { alternation, wordScreen } from './word-screen.js';
export { dottedReceivers } from './dotted.js';
export { NameClassifier, defaultNameClassifier, inVocabulary, namesSecretsOrCandidates, splitWords, type NameVerdict, type NameVocabulary } from './names.js';
export { RULES, ruleMeta, docsUrl, type RuleMeta } from './rules.js';
export * from './tokens/index.js';
export { UNKNOWN_PART, UrlClassifier, isAbsoluteUrl, joinUrlPath, defaultUrlClassifier, type UrlCatalog, type UrlClassification, type UrlVerdict } from './url.js';
export { compileAmbiguousNames, namesParserError, shippedAmbiguousNames, squash, type AmbiguousNameCatalog, type AmbiguousNameTables } from './ambiguous-names.js';
