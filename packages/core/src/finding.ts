/** Severity as every front end and formatter speaks it (SARIF levels use the same words). */
export type Severity = 'error' | 'warning' | 'note';

/** One step of the path from a secret's source to the sink that leaks it. */
export interface FlowStep {
  file: string;
  line: number;
  column: number;
  note: string;
}

/**
 * What every front end yields and every formatter prints. `evidence` is always redacted
 * (see `redact`); `file` is relative to the working directory; lines and columns are 1-based.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  evidence: string;
  fingerprint: string;
  /** The catalog entry behind a token finding (for example `github-pat-classic`). */
  detector?: string;
  flow?: FlowStep[];
}

/** A problem with the input (unreadable, undecodable, unparsable) that did not stop the run. */
export interface InputError {
  file: string;
  message: string;
}
