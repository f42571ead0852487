import { createLeakRule } from '../flow/flow-rule.js';

/** A secret value reaching an Error, a thrown value, a rejected promise or an assertion message. */
export const noSecretInError = createLeakRule('no-secret-in-error');
