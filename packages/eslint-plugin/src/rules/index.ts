import { noHardcodedSecret } from './no-hardcoded-secret.js';
import { noSecretInError } from './no-secret-in-error.js';
import { noSecretInLog } from './no-secret-in-log.js';
import { noSecretInOutput } from './no-secret-in-output.js';
import { requireHttps } from './require-https.js';

/** Every rule of the plugin, by the id it shares with the CLI, the analyzer and the Python front end. */
export const rules = {
  'no-hardcoded-secret': noHardcodedSecret,
  'no-secret-in-log': noSecretInLog,
  'no-secret-in-error': noSecretInError,
  'no-secret-in-output': noSecretInOutput,
  'require-https': requireHttps,
};

export type RuleId = keyof typeof rules;
