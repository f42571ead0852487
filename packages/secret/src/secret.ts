/** What a Secret shows everywhere except `getSecretValue()`; the same mask Cog prints. */
export const SECRET_MASK = '**********';

// Node's `util.inspect` hook, by its registered symbol, so this file needs no import and runs in any runtime.
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

/**
 * A value that must not be printed: model code receives API keys and tokens wrapped in it, like Cog's `Secret`.
 * `toString`, `toJSON`, template literals, string concatenation and `console.log` all show `**********`; only
 * `getSecretValue()` returns the value, so every place that reads it is easy to find and review.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('Secret expects a string value');
    this.#value = value;
    Object.freeze(this);
  }

  /** Wraps a possibly missing value (an unset environment variable stays `undefined`). */
  static from(value: string | null | undefined): Secret | undefined {
    return value === undefined || value === null ? undefined : new Secret(value);
  }

  /** The wrapped value itself: hand it to the client that needs it, never to a log, an error or an output. */
  getSecretValue(): string {
    return this.#value;
  }

  /** Whether a value was supplied at all (an empty secret usually means misconfiguration). */
  isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return SECRET_MASK;
  }

  toJSON(): string {
    return SECRET_MASK;
  }

  valueOf(): string {
    return SECRET_MASK;
  }

  [Symbol.toPrimitive](): string {
    return SECRET_MASK;
  }

  [inspectCustom](): string {
    return `Secret(${SECRET_MASK})`;
  }

  get [Symbol.toStringTag](): string {
    return 'Secret';
  }
}
