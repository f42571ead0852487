export type { ScanOptions, StructuralCheck, TokenCatalog, TokenEntry, TokenMatch } from './types.js';
export { scanTokens } from './scan.js';
export { HARDCODED_SECRET_RULE, tokenFindings, tokenMessage } from './findings.js';
export { classifyLiteral } from './literal.js';
export { hasFiller, isPlaceholderValue, isStandIn, isWrittenCredential, isWrittenPassword, looksLikeIdentifier, looksLikeNonSecret } from './placeholder.js';
export { shannonEntropy } from './entropy.js';
export { builtinTokenCatalog, compileCatalog, type CompiledCatalog, type CompiledEntry } from './compile.js';
export { KeywordSet } from './prefilter.js';
export { CHECKS, secretForName, type Candidate, type Check, type CheckContext } from './checks/index.js';
