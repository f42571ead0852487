import { createLeakRule } from '../flow/flow-rule.js';

/** A secret value returned from a model entry point or sent in an HTTP response. */
export const noSecretInOutput = createLeakRule('no-secret-in-output');
