import type { Severity } from '@secret-hygiene/core';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Step, Taint } from './values.js';

export type PythonFlowRuleId = 'no-secret-in-log' | 'no-secret-in-error' | 'no-secret-in-output' | 'require-https' | 'no-hardcoded-secret';

/** One finding before it becomes a core `Finding`: positions are still tree-sitter's. */
export interface PythonResult {
  ruleId: PythonFlowRuleId;
  severity: Severity;
  message: string;
  node: SyntaxNode;
  /** What the sink is, for evidence: `print`, `raise ValueError`, `return`. Never argument text. */
  evidence: string;
  steps: Step[];
}

/** The same words as the TypeScript engine, so a rule reads alike in every front end. */
const SINK_PHRASE: Record<string, (sink: string) => string> = {
  'no-secret-in-log': (sink) => `is logged by ${sink}`,
  'no-secret-in-error': (sink) => `flows into an error message (${sink})`,
  'no-secret-in-output': (sink) => `is returned to the caller (${sink})`,
  'require-https': (sink) => `is sent over plain HTTP (${sink})`,
};

export const SINK_NOTE: Record<string, string> = {
  'no-secret-in-log': 'logged here',
  'no-secret-in-error': 'becomes part of an error here',
  'no-secret-in-output': 'returned to the caller here',
  'require-https': 'sent over plain HTTP here',
};

/** A name safe to print: identifiers, dotted paths, env names and secret paths; never a literal's text. */
export function safeLabel(label: string): string {
  const short = label.length > 80 ? `${label.slice(0, 77)}...` : label;
  return /^[A-Za-z_/-][\w.@/\-[\]()' ]*$/.test(short) && !/[A-Za-z0-9_+/=-]{33,}/.test(short) ? short : 'a secret';
}

export function flowMessage(ruleId: PythonFlowRuleId, taint: Taint, sink: string): string {
  return `The secret from ${safeLabel(taint.label)} ${SINK_PHRASE[ruleId]!(sink)}.`;
}

/** Keeps one result per rule and sink node; an error replaces a warning on the same node. */
export class ResultSet {
  private readonly byKey = new Map<string, PythonResult>();

  add(result: PythonResult): void {
    const key = `${result.ruleId}:${result.node.startIndex}:${result.node.endIndex}`;
    const existing = this.byKey.get(key);
    if (!existing || (rank(result.severity) > rank(existing.severity))) this.byKey.set(key, result);
  }

  list(): PythonResult[] {
    return [...this.byKey.values()].sort((a, b) => a.node.startIndex - b.node.startIndex || a.ruleId.localeCompare(b.ruleId));
  }
}

function rank(severity: Severity): number {
  return severity === 'error' ? 2 : severity === 'warning' ? 1 : 0;
}
