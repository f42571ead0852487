import { createLeakRule } from '../flow/flow-rule.js';

/** A secret value reaching console, a logger library or stdout/stderr. */
export const noSecretInLog = createLeakRule('no-secret-in-log');
