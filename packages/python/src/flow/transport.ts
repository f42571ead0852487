import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis, Frame } from './context.js';
import { reportFlow } from './sinks.js';
import { type Value, stepAt } from './values.js';

export interface CallFacts {
  node: SyntaxNode;
  /** The callee with imports resolved: `requests.post`. */
  canonical: string | undefined;
  /** The callee as written, for messages. */
  written: string;
  receiver: Value | undefined;
  method: string | undefined;
  positional: Value[];
  keywords: Map<string, Value>;
  splats: Value[];
}

/** The request URL of a transport call, or undefined when the call sends nothing. */
export function requestUrl(a: Analysis, call: CallFacts): Value | undefined {
  const t = a.tables;
  const { canonical, receiver, method, positional, keywords } = call;
  const byKeyword = () => [...t.urlKeywords].map((k) => keywords.get(k)).find((v) => v !== undefined);
  if (canonical !== undefined && t.transportCalls.has(canonical)) return positional[0] ?? byKeyword();
  if (canonical !== undefined && t.methodFirstCalls.has(canonical)) return positional[1] ?? byKeyword();
  if (canonical !== undefined && t.clientConstructors.has(canonical)) return byKeyword();
  if (receiver?.ref === 'client' && method !== undefined) {
    if (t.clientMethods.has(method)) return positional[0] ?? byKeyword();
    if (t.clientMethodFirstMethods.has(method)) return positional[1] ?? byKeyword();
  }
  return undefined;
}

/** `requests.post("http://...")`: a warning for plain HTTP, an error when a secret rides on the request. */
export function checkTransport(a: Analysis, f: Frame, call: CallFacts): void {
  if (!f.reporting) return;
  const url = requestUrl(a, call);
  if (url?.str === undefined) return;
  const verdict = a.urls.classify(url.complete ? url.str : (url.shape ?? url.str), url.complete === true);
  if (verdict.verdict !== 'insecure') return;
  const host = verdict.host ?? 'a remote host';
  const scheme = verdict.scheme ?? 'http';
  a.results.add({
    ruleId: 'require-https',
    severity: 'warning',
    message: `A request to ${host} uses plain ${scheme}://; use ${verdict.secureScheme ? `${verdict.secureScheme}://` : 'an encrypted scheme'}.`,
    node: call.node,
    evidence: `${call.written}(…)`,
    steps: [stepAt(call.node, `plain ${scheme}:// request`)],
  });
  const carried = [...call.positional, ...call.keywords.values(), ...call.splats].find((v) => v.taint);
  if (carried?.taint) reportFlow(a, f, 'require-https', call.node, carried.taint, `${call.written} to ${host}`, `${call.written}(…)`);
}
