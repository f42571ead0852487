import { catalogDocument } from './catalog/builtin.js';
import { ownCopy } from './own-copy.js';
import { wordScreen } from './word-screen.js';

/** `rules/names.yaml`, as its schema describes it. */
export interface NameVocabulary {
  secretHeads: string[];
  passwordHeads: string[];
  qualifiedHeads: Record<string, string[]>;
  keepModifiers: string[];
  purposePrepositions: string[];
  originPrepositions: string[];
  nonReturningVerbs: string[];
  inputPrepositions: string[];
  sanitizedWords: string[];
  metadataWords: string[];
  booleanPrefixes: string[];
  nonSecretTokenQualifiers: string[];
  nonSecretKeyQualifiers: string[];
  secretEnvNames: string[];
  nonSecretEnvNames: string[];
}

/** `secret`: names a secret value; `ambiguous`: might (bare `token`, `key`); `no`: does not. */
export type NameVerdict = 'secret' | 'ambiguous' | 'no';

/** Splits `OPENAI_API_KEY`, `apiKey`, `x-api-key`, `client.secret`, `HTTPServerToken` into lower-case words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * Whether a collection's name says it holds secrets or credential candidates: `apiTokens`, `hf_keys`, `secrets`,
 * or a plural of an ambiguous name (`tokens`). `classify` is the caller's classifier (with its extra names).
 */
export function namesSecretsOrCandidates(classify: (name: string) => NameVerdict, name: string): boolean {
  const singular = name.replace(/(?<=[a-z])s$/i, '');
  return classify(name) !== 'no' || (singular !== name && classify(singular) !== 'no');
}

/** Whether `word` is in `vocabulary`, a trailing number aside: `hashed1` says what `hashed` says. */
export function inVocabulary(vocabulary: ReadonlySet<string>, word: string): boolean {
  return vocabulary.has(word) || (/\d$/.test(word) && vocabulary.has(word.replace(/\d+$/, '')));
}

export class NameClassifier {
  private readonly secretHeads: Set<string>;
  private readonly passwordHeads: Set<string>;
  private readonly qualified: Map<string, Set<string>>;
  private readonly sanitized: Set<string>;
  private readonly metadata: Set<string>;
  private readonly booleans: Set<string>;
  private readonly nonSecretTokenQualifiers: Set<string>;
  private readonly nonSecretKeyQualifiers: Set<string>;
  private readonly secretEnv: Set<string>;
  private readonly nonSecretEnv: Set<string>;
  private readonly memo = new Map<string, NameVerdict>();
  private readonly passwordMemo = new Map<string, boolean>();
  private readonly purposePrepositions: Set<string>;
  private readonly originPrepositions: Set<string>;
  private readonly nonReturningVerbs: Set<string>;
  private readonly inputPrepositions: Set<string>;
  /** Passes every name with a head word among its words; the rest are `no` without being split. */
  private readonly headScreen: RegExp;

  constructor(vocabulary: NameVocabulary, extraSecretNames: readonly string[] = []) {
    this.secretHeads = new Set(vocabulary.secretHeads);
    this.passwordHeads = new Set(vocabulary.passwordHeads);
    this.qualified = new Map(Object.entries(vocabulary.qualifiedHeads).map(([head, q]) => [head, new Set(q)]));
    this.sanitized = new Set(vocabulary.sanitizedWords);
    this.metadata = new Set(vocabulary.metadataWords);
    this.booleans = new Set(vocabulary.booleanPrefixes);
    this.nonSecretTokenQualifiers = new Set(vocabulary.nonSecretTokenQualifiers);
    this.nonSecretKeyQualifiers = new Set(vocabulary.nonSecretKeyQualifiers);
    this.secretEnv = new Set([...vocabulary.secretEnvNames, ...extraSecretNames]);
    this.nonSecretEnv = new Set(vocabulary.nonSecretEnvNames);
    this.purposePrepositions = new Set(vocabulary.purposePrepositions);
    this.originPrepositions = new Set(vocabulary.originPrepositions);
    this.nonReturningVerbs = new Set(vocabulary.nonReturningVerbs);
    this.inputPrepositions = new Set(vocabulary.inputPrepositions);
    this.headScreen = wordScreen([...this.secretHeads, ...this.qualified.keys()]);
  }

  /**
   * False when `classify` is sure to say `no` (no head word, not a secret environment name), at the cost of one
   * regex test: for callers that judge every name of a file and keep only the few that may be secret.
   */
  mayNameASecret(name: string): boolean {
    return this.secretEnv.has(name) || this.headScreen.test(name);
  }

  /** Classifies a variable, property, parameter or environment variable name. */
  classify(name: string): NameVerdict {
    let verdict = this.memo.get(name);
    if (verdict === undefined) {
      verdict = this.compute(name);
      this.memo.set(ownCopy(name), verdict);
    }
    return verdict;
  }

  isSecret(name: string): boolean {
    return this.classify(name) === 'secret';
  }

  /**
   * `password`, `dbPassword`, `SMTP_PASS`: a secret name that ends in a word naming a password (not `apiKey`,
   * `passwordHash` or `passwordStrength`). A literal under such a name handed to any call is a hardcoded credential.
   */
  namesAPassword(name: string): boolean {
    // Asked of every keyword of every call (Python): remembered, as `classify` is.
    let answer = this.passwordMemo.get(name);
    if (answer === undefined) {
      const words = this.headScreen.test(name) ? splitWords(name) : [];
      const last = words.length > 0 ? withoutNumber(words[words.length - 1]!) : undefined;
      answer = last !== undefined && this.passwordHeads.has(last) && this.classify(name) === 'secret';
      this.passwordMemo.set(ownCopy(name), answer);
    }
    return answer;
  }

  /**
   * Whether a function's name says it returns a secret (`getPassword`, `get_api_key_from_env`, `createApiKey`): it
   * names one, its first word is no verb that does something else with it (`checkPassword`, `set_token`), and the
   * secret is not what it works with (`signWithPrivateKey`, `load_user_by_token`).
   */
  namesAReturnedSecret(name: string): boolean {
    return this.classify(name) === 'secret' && this.returnsWhatItNames(name);
  }

  /** The verb and preposition tests of `namesAReturnedSecret`, for a name already known to name a secret. */
  returnsWhatItNames(name: string): boolean {
    const words = splitWords(name);
    if (words.length > 1 && this.nonReturningVerbs.has(words[0]!)) return false;
    const at = words.findIndex((word, i) => i > 0 && this.inputPrepositions.has(word));
    return at === -1 || this.classify(words.slice(0, at).join('_')) === 'secret';
  }

  /** `hashedPassword`, `hashed2`, `maskedToken`: a word of the name says the value was made safe. */
  saysSanitized(name: string): boolean {
    return splitWords(name).some((w) => inVocabulary(this.sanitized, w));
  }

  private compute(name: string): NameVerdict {
    if (this.secretEnv.has(name)) return 'secret';
    if (this.nonSecretEnv.has(name) || !this.headScreen.test(name)) return 'no';
    // `application/pgp-keys`, `docs/api-key`, `API key`: a MIME type, a path or prose names no variable.
    if (/[/\s]/.test(name)) return 'no';
    const words = splitWords(name);
    if (words.length === 0) return 'no';
    if (words.some((w) => this.sanitized.has(w))) return 'no';
    // `hasToken`, `resetPassword`: a flag or an action about a secret. A first word the vocabulary lists as a
    // qualifier of the head it stands before (`reset_token`, a password-reset token) names the secret instead.
    if (words.length > 1 && this.booleans.has(words[0]!) && !(words.length === 2 && this.qualified.get(withoutNumber(words[1]!))?.has(words[0]!))) return 'no';
    // The head is the last word that names a secret; anything after it says what about the secret the name holds.
    const upperSnake = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);
    // `APIKeys`, `AdminAPIKeys`: a class or type named after what it manages, never a value holding keys.
    const pascal = /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(name);
    // `password2`, `apiKey2`: a number written onto a word numbers the secret, it does not change what it is.
    const heads = words.map(withoutNumber);
    for (let i = words.length - 1; i >= 0; i--) {
      const verdict = this.headVerdict(heads, i, upperSnake, pascal);
      if (verdict === 'no') continue;
      const after = words.slice(i + 1);
      // `api_key_from_env`: the rest names where the secret was read from.
      if (verdict === 'secret' && after.length > 1 && this.originPrepositions.has(after[0]!)) return 'secret';
      if (after.some((w) => this.metadata.has(w) || this.nonSecretTokenQualifiers.has(w) || w === 'tokens')) return 'no';
      // `password_for_email`: the rest names the service the secret is for.
      if (verdict === 'secret' && after.length > 1 && this.purposePrepositions.has(after[0]!)) return 'secret';
      if (after.length > 0 && !after.every((w) => /^\d+$/.test(w) || w === 'value' || w === 'str' || w === 'string' || w === 'b64' || w === 'base64' || w === 'raw' || w === 'bytes' || w === 'plain' || w === 'text' || w === 'env' || w === 'data' || w === 'json')) {
        // `passwordFooBar`: a secret word followed by words we do not know; trust it only if it was already clear.
        if (verdict === 'secret' && after.length <= 1) return 'secret';
        return 'no';
      }
      return verdict;
    }
    return 'no';
  }

  private headVerdict(words: string[], i: number, upperSnake: boolean, pascal: boolean): NameVerdict {
    const word = words[i]!;
    if (this.secretHeads.has(word)) return 'secret';
    const qualifiers = this.qualified.get(word);
    if (!qualifiers) return pascal ? 'no' : this.pluralHeadVerdict(words, i);
    const before = words[i - 1];
    if (before === undefined) return 'ambiguous';
    if (this.qualifiesAway(word, before)) return 'no';
    if (qualifiers.has(before) || this.secretHeads.has(before)) return 'secret';
    // By convention an upper-snake `<SERVICE>_TOKEN` environment name holds a credential.
    if (word === 'token' && upperSnake) return 'secret';
    return 'ambiguous';
  }

  /** `apiKeys`, `ACCESS_TOKENS`: several secrets under a qualified plural head; a bare `tokens` or `keys` counts none. */
  private pluralHeadVerdict(words: string[], i: number): NameVerdict {
    const word = words[i]!;
    const before = words[i - 1];
    if (before === undefined || !word.endsWith('s')) return 'no';
    const singular = word.slice(0, -1);
    const qualifiers = this.qualified.get(singular);
    if (!qualifiers || this.qualifiesAway(singular, before)) return 'no';
    return qualifiers.has(before) || this.secretHeads.has(before) ? 'secret' : 'no';
  }

  /** `nextToken`, `publicKey`: a qualifier that makes the head name something other than a secret. */
  private qualifiesAway(head: string, before: string): boolean {
    return (head === 'token' && this.nonSecretTokenQualifiers.has(before)) || (head === 'key' && this.nonSecretKeyQualifiers.has(before));
  }
}

/** `password2` → `password`, `key1` → `key`; a word of digits or with none is left as it is. */
function withoutNumber(word: string): string {
  return word.replace(/(?<=[a-z])\d+$/, '');
}

let shared: NameClassifier | undefined;

/** The classifier over the shipped vocabulary. */
export function defaultNameClassifier(): NameClassifier {
  shared ??= new NameClassifier(catalogDocument<NameVocabulary>('names'));
  return shared;
}
