export { auditConfigs, type ConfigAudit, type SourceFile } from './audit.js';
export { platformFacts, integrationEnv, type PlatformFacts } from './platforms.js';
export { schemaPath, type SectionSchema } from './schemas.js';
export { MAX_CONFIG_BYTES, MAX_ALIASES } from './yaml-config.js';
