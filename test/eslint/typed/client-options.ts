// A type declared in another file of the typed project: cases import it to show the checker reads its members.
export interface ClientOptions {
  baseURL: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface RetryPolicy {
  attempts: number;
  backoff: string;
}
