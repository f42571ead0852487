import { defaultNameClassifier, inVocabulary, ownCopy, splitWords, wordScreen, type NameClassifier, type NameVerdict } from '@secret-hygiene/core';
import type { FlowTables } from './tables.js';

/** Everything the engine asks about one name, computed once (one memo lookup per question afterwards). */
interface NameFacts {
  verdict: NameVerdict;
  credentialHeader: boolean;
  stringTypedCredential: boolean;
  sanitizer: boolean;
  logger: boolean;
}

// Not frozen: a frozen object has its own shape, and every reader of NameFacts would see two.
const NOTHING: NameFacts = { verdict: 'no', credentialHeader: false, stringTypedCredential: false, sanitizer: false, logger: false };

/** The shared name classifier plus what the catalog and the user add (declared secret env names, sanitizers). */
export class NameJudge {
  private readonly classifier: NameClassifier = defaultNameClassifier();
  private readonly memo = new Map<string, NameFacts>();
  /** Passes every name with a word the facts below look for; the others need not be split into words. */
  private readonly wordsScreen: RegExp;

  constructor(private readonly tables: FlowTables) {
    this.wordsScreen = wordScreen([...tables.stringTypedAmbiguousHeads, ...tables.sanitizerWords, ...tables.loggerObjectWords]);
  }

  private facts(name: string): NameFacts {
    let facts = this.memo.get(name);
    if (facts === undefined) {
      facts = this.compute(name);
      this.memo.set(ownCopy(name), facts);
    }
    return facts;
  }

  private compute(name: string): NameFacts {
    const t = this.tables;
    const words = this.wordsScreen.test(name) ? splitWords(name) : [];
    const last = words[words.length - 1];
    const declared = t.extraSecretEnv.has(name) || (t.extraSecretWords.size > 0 && t.extraSecretWords.has(name.replace(/[^A-Za-z0-9]/g, '').toLowerCase()));
    const facts: NameFacts = {
      verdict: declared ? 'secret' : this.classifier.classify(name),
      credentialHeader: t.credentialKeys.has(name.toLowerCase()),
      stringTypedCredential: last !== undefined && t.stringTypedAmbiguousHeads.has(last),
      sanitizer: t.sanitizerFunctions.has(name) || words.some((w) => inVocabulary(t.sanitizerWords, w)),
      logger: last !== undefined && t.loggerObjectWords.has(last),
    };
    // Nearly every name says nothing: they share one record instead of keeping one each.
    return facts.verdict === 'no' && !facts.credentialHeader && !facts.stringTypedCredential && !facts.sanitizer && !facts.logger ? NOTHING : facts;
  }

  /** `secret`, `ambiguous` (bare `token`) or `no` for a variable, parameter or property name. */
  classify(name: string): NameVerdict {
    return this.facts(name).verdict;
  }

  /** An environment variable holds a secret when its name looks secret (or might: `TOKEN`) or a config declares it. */
  isSecretEnv(name: string): boolean {
    return this.facts(name).verdict !== 'no';
  }

  /** `hashed2`, `maskedToken`: a variable whose name says its value was made safe. */
  saysSanitized(name: string): boolean {
    return this.classifier.saysSanitized(name);
  }

  /** `redactToken`, `maskSecret`, `hashPassword`: a function whose name says it hides what it is given. */
  isSanitizerName(name: string): boolean {
    return this.facts(name).sanitizer;
  }

  /** `logger`, `appLogger`, `log`, `LOG`: a receiver whose last word says it logs. */
  isLoggerName(name: string): boolean {
    return this.facts(name).logger;
  }

  /** `getPassword()`, `createApiKey()`: a function named for the secret it returns (not `checkPassword()`). */
  namesAReturnedSecret(name: string): boolean {
    return this.classify(name) === 'secret' && this.classifier.returnsWhatItNames(name);
  }

  /** `token` (bare or with a head in stringTypedAmbiguousHeads) declared as a string is a credential. */
  isStringTypedCredential(name: string): boolean {
    return this.facts(name).stringTypedCredential;
  }

  isCredentialKey(key: string): boolean {
    const facts = this.facts(key);
    return facts.credentialHeader || facts.verdict === 'secret';
  }

  /** `password`, `dbPassword`: a secret name whose last word names a password. */
  namesAPassword(name: string): boolean {
    return this.classifier.namesAPassword(name);
  }

  /** `Authorization`, `X-API-Key`: a header or option whose value is a credential. */
  isCredentialHeader(key: string): boolean {
    return this.facts(key).credentialHeader;
  }
}
