import { defaultNameClassifier, splitWords, type NameClassifier, type NameVerdict } from '@secret-hygiene/core';
import type { FlowTables } from './tables.js';

/** The shared name classifier plus what the catalog and the user add (declared secret env names, sanitizers). */
export class NameJudge {
  private readonly classifier: NameClassifier = defaultNameClassifier();
  private readonly sanitizerMemo = new Map<string, boolean>();
  private readonly loggerMemo = new Map<string, boolean>();
  private readonly credentialMemo = new Map<string, boolean>();

  constructor(private readonly tables: FlowTables) {}

  /** `secret`, `ambiguous` (bare `token`) or `no` for a variable, parameter or property name. */
  classify(name: string): NameVerdict {
    if (this.tables.extraSecretEnv.has(name)) return 'secret';
    if (this.tables.extraSecretWords.size > 0 && this.tables.extraSecretWords.has(name.replace(/[^A-Za-z0-9]/g, '').toLowerCase())) return 'secret';
    return this.classifier.classify(name);
  }

  /** An environment variable holds a secret when its name looks secret (or might: `TOKEN`) or a config declares it. */
  isSecretEnv(name: string): boolean {
    return this.classify(name) !== 'no';
  }

  /** `redactToken`, `maskSecret`, `hashPassword`: a function whose name says it hides what it is given. */
  isSanitizerName(name: string): boolean {
    let verdict = this.sanitizerMemo.get(name);
    if (verdict === undefined) {
      verdict = this.tables.sanitizerFunctions.has(name) || splitWords(name).some((w) => this.tables.sanitizerWords.has(w));
      this.sanitizerMemo.set(name, verdict);
    }
    return verdict;
  }

  /** `logger`, `appLogger`, `log`, `LOG`: a receiver whose last word says it logs. */
  isLoggerName(name: string): boolean {
    let verdict = this.loggerMemo.get(name);
    if (verdict === undefined) {
      const words = splitWords(name);
      const last = words[words.length - 1];
      verdict = last !== undefined && this.tables.loggerObjectWords.has(last);
      this.loggerMemo.set(name, verdict);
    }
    return verdict;
  }

  /** `token` (bare or with a head in stringTypedAmbiguousHeads) declared as a string is a credential. */
  isStringTypedCredential(name: string): boolean {
    const words = splitWords(name);
    const last = words[words.length - 1];
    return last !== undefined && this.tables.stringTypedAmbiguousHeads.has(last);
  }

  isCredentialKey(key: string): boolean {
    return this.isCredentialHeader(key) || this.classify(key) === 'secret';
  }

  /** `Authorization`, `X-API-Key`: a header or option whose value is a credential. */
  isCredentialHeader(key: string): boolean {
    let verdict = this.credentialMemo.get(key);
    if (verdict === undefined) {
      verdict = this.tables.credentialKeys.has(key.toLowerCase());
      this.credentialMemo.set(key, verdict);
    }
    return verdict;
  }
}
