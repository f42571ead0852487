/** A span of the scanned text that may hold a secret. */
export interface Candidate {
  start: number;
  end: number;
  secret: string;
}

export interface CheckContext {
  text: string;
  match: RegExpExecArray;
  /** What the entry's pattern found: its `secret` group, or the whole match. */
  candidate: Candidate;
  path: string | undefined;
}

/** A structural entry's confirmation step: the secrets it confirms (none rejects the candidate). */
export type Check = (context: CheckContext) => Candidate[];
