import type { StructuralCheck } from '../types.js';
import { connectionUrlCheck } from './connection-url.js';
import { httpCredentialCheck } from './http-credential.js';
import { jwtCheck } from './jwt.js';
import { kubernetesSecretCheck } from './kubernetes-secret.js';
import { privateKeyCheck } from './private-key.js';
import { assignmentFollows, secretNameCheck } from './secret-name.js';
import type { Check } from './types.js';

export type { Candidate, Check, CheckContext } from './types.js';
export { assignmentFollows, secretForName } from './secret-name.js';

/** The code checks a `kind: structural` catalog entry can name in its `check` field. */
export const CHECKS: Record<StructuralCheck, Check> = {
  jwt: jwtCheck,
  'private-key': privateKeyCheck,
  'kubernetes-secret': kubernetesSecretCheck,
  'secret-name': secretNameCheck,
  'connection-url': connectionUrlCheck,
  'http-credential': httpCredentialCheck,
  // The service-account JSON's private key is a PEM block; the entry's pattern pins it to the JSON field.
  'service-account-json': privateKeyCheck,
};

/** Cheap position tests a check offers, run before its entry's pattern at each keyword position. */
export const QUICK_TESTS: Partial<Record<StructuralCheck, (text: string, at: number) => boolean>> = {
  'secret-name': assignmentFollows,
};
