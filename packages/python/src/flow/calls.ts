import { inVocabulary, isAbsoluteUrl, isStandIn, joinUrlPath } from '@secret-hygiene/core';
import { namesConfiguration, wordsOf } from './words.js';
import type { PyNode as SyntaxNode } from './tree.js';
import type { Analysis, Env, Frame } from './context.js';
import { environ, evaluate, instanceNamespace, memberOfSecret, writtenEnviron } from './expressions.js';
import { inline } from './inline.js';
import { printedTaint } from './repr.js';
import { isLogCall, printedArguments, reportFlow } from './sinks.js';
import { envSource, isSecretPath, mappingSource, secretsMapping } from './sources.js';
import { storeInto } from './store.js';
import { argumentsOf, dottedName, lastName, literalContent } from './syntax.js';
import { type CallFacts, checkTransport, requestUrl } from './transport.js';
import { CLEAN, OPAQUE, type Value, container, join, sourceTaint, withStep } from './values.js';
import { warnEnvironWrite } from './platform.js';
import { checkCredentialArguments, checkSecretDefault } from './credential-arguments.js';

/** Words in a helper's name that make its return value worth reading from another file: `read_key()`. */
/** Words of an imported function's name that make its module worth reading when no secret is handed to it. */
const SECRET_WORDS = /^(?:key|keys|token|tokens|secret|secrets|password|passwd|credential|credentials|creds|auth|login)$/;

const SERIALISERS = new Set(['model_dump', 'model_dump_json', 'dict', 'json', 'to_dict', 'to_json', 'asdict']);

/**
 * The log call a local name stands for: `log(x)` after `log = print`, `out.write(x)` after `out = sys.stdout`
 * (or `out = sys.stdout.write`, `log = functools.partial(print, …)`).
 */
function aliasedCallee(f: Frame, fnNode: SyntaxNode | null, receiver: Value | undefined, method: string | undefined): string | undefined {
  if (fnNode?.type === 'identifier') return f.env.lookup(fnNode.text)?.logs;
  return method !== undefined && receiver?.logs !== undefined ? `${receiver.logs}.${method}` : undefined;
}

/** A call: the sink it is, the source it reads, or how its result carries what it was given. */
export function evaluateCall(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const fnNode = node.childForFieldName('function');
  const args = argumentsOf(node);
  let receiverNode: SyntaxNode | null = null;
  let method: string | undefined;
  let receiver: Value | undefined;
  if (fnNode?.type === 'attribute') {
    receiverNode = fnNode.childForFieldName('object');
    method = fnNode.childForFieldName('attribute')?.text;
    receiver = evaluate(a, f, receiverNode);
  }
  const dotted = dottedName(fnNode);
  const canonical = aliasedCallee(f, fnNode, receiver, method) ?? (dotted === undefined ? undefined : a.imports.canonical(dotted));
  const call: CallFacts = {
    node,
    canonical,
    written: dotted ?? calleeLabel(receiverNode, method),
    receiver,
    method,
    positional: args.positional.map((n) => evaluate(a, f, n)),
    keywords: new Map([...args.keywords].map(([k, n]) => [k, evaluate(a, f, n)])),
    splats: args.splats.map((n) => evaluate(a, f, n)),
  };
  if (sink(a, f, call, receiverNode)) return CLEAN;
  // `functools.partial(print, …)` is the log function it wraps.
  if (canonical === 'functools.partial' && call.positional[0]?.logs !== undefined) return { ...OPAQUE, logs: call.positional[0].logs };
  if (method === '__init__' && isSuperCall(receiverNode, f)) {
    // `super().__init__(message)`, `Exception.__init__(self, message)`: what the exception will show.
    const args = receiverNode?.type === 'call' ? call.positional : call.positional.slice(1);
    f.superInit = join([f.superInit, ...args, ...call.keywords.values(), ...call.splats]);
    return CLEAN;
  }
  const scope = namespace(a, f, call, fnNode);
  if (scope) return scope;
  checkCredentialArguments(a, call, args);
  checkTransport(a, f, call);
  const url = requestUrl(a, call);
  if (url?.taint && namesUrlInErrors(a, call)) f.requestTaint ??= url.taint;
  // `params={"key": api_key}` is encoded into the URL, which the library's exceptions print.
  const params = url ? call.keywords.get('params') : undefined;
  if (params?.taint && namesUrlInErrors(a, call)) f.requestTaint ??= params.taint;
  if (canonical !== undefined && a.tables.echoingCalls.has(canonical)) {
    const echoed = [...call.positional, ...call.splats].find((v) => v.taint);
    if (echoed?.taint) f.requestTaint ??= echoed.taint;
  }
  if (canonical !== undefined && a.tables.echoingResults.has(canonical)) {
    // The process object prints its command line; its members (`.stdout`, `.returncode`) are read apart.
    const args = call.positional[0] ?? call.keywords.get('args');
    if (args?.taint) return { taint: withStep(args.taint, node, `the process object of ${call.written} shows its command line`)! };
  }
  // `traceback.format_exc()` in an except block: the text of the exception being handled.
  if (f.caught && call.canonical === 'traceback.format_exc') return { taint: f.caught };
  // A new token or key: fresh (nothing of a signing key), and a secret only by the name it is stored under.
  if (call.canonical !== undefined && a.tables.mintingCalls.has(call.canonical)) return OPAQUE;
  return source(a, f, call) ?? sanitized(a, call) ?? local(a, f, call, fnNode) ?? carried(a, f, call, receiverNode);
}

/** A request of a library whose exceptions print the URL (a client object counts: requests, httpx, aiohttp). */
function namesUrlInErrors(a: Analysis, call: CallFacts): boolean {
  if (call.receiver?.ref === 'client') return true;
  return call.canonical !== undefined && a.tables.urlInErrors.has(call.canonical.split('.')[0]!);
}

/** Log and error calls; true when the call is a log (its result is nothing). */
function sink(a: Analysis, f: Frame, call: CallFacts, receiverNode: SyntaxNode | null): boolean {
  const receiverDotted = dottedName(receiverNode);
  if (isLogCall(a, call.canonical, call.receiver, receiverDotted, call.method)) {
    let reported = false;
    for (const value of printedArguments(a, call.positional, call.keywords, call.splats)) {
      const shown = printedTaint(a, f, value, call.node);
      if (!shown) continue;
      reportFlow(a, f, 'no-secret-in-log', call.node, shown, call.written, `${call.written}(…)`);
      reported = true;
      break;
    }
    // `logger.exception(...)`, `exc_info=True`, `traceback.print_exc()` print the exception being handled.
    if (!reported && f.caught && printsException(call)) reportFlow(a, f, 'no-secret-in-log', call.node, f.caught, call.written, `${call.written}(…)`);
    return true;
  }
  if (f.caught && (call.canonical === 'traceback.print_exc' || call.canonical === 'traceback.print_exception')) {
    reportFlow(a, f, 'no-secret-in-log', call.node, f.caught, call.written, `${call.written}(…)`);
    return true;
  }
  if (call.method !== undefined && a.tables.cookieMethods.has(call.method)) {
    const stored = (call.positional[1] ?? call.keywords.get('value'))?.taint;
    if (stored && !stored.ambiguous && notForCookies(a, stored.label)) reportFlow(a, f, 'no-secret-in-output', call.node, stored, call.written, `${call.written}(…)`);
  }
  if (isDisplayCall(a, call.canonical)) {
    const shown = [...call.positional, ...call.keywords.values(), ...call.splats].map((v) => printedTaint(a, f, v, call.node)).find((t) => t !== undefined);
    if (shown) reportFlow(a, f, 'no-secret-in-output', call.node, shown, `shown to the app's users by ${call.written}`, `${call.written}(…)`);
    return true;
  }
  if (call.canonical !== undefined && a.tables.errorCalls.has(call.canonical)) {
    const shown = [...call.positional, ...call.keywords.values()].find((v) => v.taint);
    if (shown?.taint) reportFlow(a, f, 'no-secret-in-error', call.node, shown.taint, call.written, `${call.written}(…)`);
  }
  if (call.receiver?.ref === 'environ' && call.method === 'update') {
    const written = join([...call.positional, ...call.keywords.values()]);
    if (written.taint) warnEnvironWrite(a, f, call.node, written.taint);
  }
  return false;
}

/** `st.write`, `streamlit.sidebar.markdown`, `gr.Textbox`: a web app's call that shows what it is given. */
function isDisplayCall(a: Analysis, canonical: string | undefined): boolean {
  if (canonical === undefined) return false;
  const dot = canonical.indexOf('.');
  return dot > 0 && a.tables.displayModules.has(canonical.slice(0, dot)) && a.tables.displayCalls.has(lastName(canonical));
}

/**
 * What a cookie may not hold: a server's own secret (the environment, a `Secret`, the secrets mapping, a secret
 * key) or a password. The session or access token a login hands its client belongs there.
 */
function notForCookies(a: Analysis, label: string): boolean {
  if (/environ|getenv|get_secret_value|secret/i.test(label)) return true;
  const last = /([A-Za-z_][\w-]*)['"]?\]?\)?$/.exec(label)?.[1];
  return last !== undefined && a.names.namesAPassword(last);
}

/** A log call that prints the exception being handled along with its message. */
function printsException(call: CallFacts): boolean {
  if (call.method === 'exception' || call.canonical === 'logging.exception') return true;
  const flag = argumentsOf(call.node).keywords.get('exc_info')?.text.trim();
  return flag !== undefined && flag !== 'False' && flag !== 'None' && flag !== '0';
}

/** `logging.getLogger(…).warning` for a method called on a call's result; never argument text. */
function calleeLabel(receiverNode: SyntaxNode | null, method: string | undefined): string {
  if (method === undefined) return 'a call';
  const inner = receiverNode?.type === 'call' ? dottedName(receiverNode.childForFieldName('function')) : undefined;
  return inner !== undefined ? `${inner}(…).${method}` : `.${method}`;
}

function staticText(value: Value | undefined): string | undefined {
  return value?.complete ? value.str : undefined;
}

/** Environment getters, the secrets mapping, `get_secret_value()`, files under a secrets directory. */
function source(a: Analysis, f: Frame, call: CallFacts): Value | undefined {
  const t = a.tables;
  const { canonical, receiver, method, node } = call;
  const first = call.positional[0];
  if (canonical !== undefined && t.secretCalls.has(canonical)) return { taint: sourceTaint(`${call.written}()`, node, `${call.written}() returns a credential`) };
  if (canonical !== undefined && t.environCalls.has(canonical)) return environ(node, `${call.written}()`);
  if ((canonical !== undefined && t.envGetters.has(canonical)) || (receiver?.ref === 'environ' && (method === 'get' || method === 'setdefault' || method === 'pop'))) {
    const name = staticText(first);
    if (name === undefined) return OPAQUE;
    const written = writtenEnviron(f, name);
    if (written) return written;
    const read = envSource(a, name, node);
    const fallback = call.positional[1] ?? call.keywords.get('default');
    if (read.taint && fallback) checkSecretDefault(a, name, fallback);
    return read.taint ? read : join([read, fallback]);
  }
  if (receiver?.ref === 'secrets' && (method === 'get' || method === 'pop' || method === '__getitem__')) {
    return mappingSource(dottedName(node.childForFieldName('function')?.childForFieldName('object')) ?? 'secrets', staticText(first), node);
  }
  if (method !== undefined && t.secretValueMethods.has(method)) {
    const owner = dottedName(node.childForFieldName('function')?.childForFieldName('object')) ?? 'a Secret';
    const label = `${owner}.${method}()`;
    const steps = receiver?.secretObject?.steps ?? [];
    return { taint: { label, steps: [...steps, ...sourceTaint(label, node, 'plaintext of the Secret').steps] } };
  }
  const opener = canonical !== undefined && t.secretFileOpeners.has(canonical);
  if (opener || (method === 'open' && receiver?.str !== undefined)) {
    const path = opener ? (first ?? call.keywords.get('file')) : receiver;
    if (isSecretPath(a, path?.str, path?.complete === true)) {
      return { secretFile: sourceTaint(path!.str!, node, 'secret file opened'), str: path!.str!, complete: path!.complete === true };
    }
    return path?.str !== undefined && canonical !== 'open' ? { str: path.str, complete: path.complete === true } : OPAQUE;
  }
  if (method !== undefined && t.secretFileReadMethods.has(method)) {
    if (receiver?.secretFile) return { taint: withStep(receiver.secretFile, node, `read with ${method}()`)! };
    if (isSecretPath(a, receiver?.str, receiver?.complete === true)) return { taint: sourceTaint(receiver!.str!, node, 'secret file read') };
  }
  return undefined;
}

/** Hashing, HMAC, `len`, `bool`, redact/mask-named helpers, boolean and position methods. */
function sanitized(a: Analysis, call: CallFacts): Value | undefined {
  const t = a.tables;
  const { canonical, method } = call;
  if (canonical !== undefined) {
    if (t.sanitizerFunctions.has(canonical)) return CLEAN;
    const root = canonical.split('.')[0]!;
    if (t.sanitizerModules.has(root) && isModuleRoot(a, call)) return { sealed: true };
  }
  if (method !== undefined && t.sanitizerMethods.has(method) && !call.receiver?.ref) return CLEAN;
  const name = lastName(call.written);
  // A class of this file is followed through its own `__init__` and `__repr__`, whatever its name says.
  if (call.written === name && a.classes.has(name)) return undefined;
  const words = wordsOf(name);
  if (words.some((w) => inVocabulary(t.sanitizerWords, w))) return CLEAN;
  return undefined;
}

/** `hashlib.sha256(...)` resolves through an import of the module; a local named `hashlib` would not. */
function isModuleRoot(a: Analysis, call: CallFacts): boolean {
  const written = call.written.split('.')[0]!;
  return a.imports.isImported(written);
}

/** Functions, methods and classes of this file: their body is followed with the arguments' values. */
function local(a: Analysis, f: Frame, call: CallFacts, fnNode: SyntaxNode | null): Value | undefined {
  let callee: Value | undefined;
  if (fnNode?.type === 'identifier') {
    const bound = f.env.lookup(fnNode.text);
    callee = bound?.callable ? bound : bound ? undefined : ((): Value | undefined => {
      const fn = a.functions.get(fnNode.text) ?? a.classes.get(fnNode.text)?.node;
      return fn ? { callable: fn } : undefined;
    })();
  } else if (call.receiver?.instance && call.method !== undefined) {
    const method = call.receiver.instance.methods.get(call.method);
    if (method) callee = { callable: method, instance: call.receiver.instance };
  }
  if (!callee) return imported(a, f, call);
  const target = callee.callable;
  if (!target) return undefined;
  // A stub (`def get_password(): pass`) says nothing of what it returns: its name decides, as for an unknown call.
  if (target.type === 'function_definition' && isStub(target)) return undefined;
  if (target.type === 'class_definition') {
    const cls = a.classes.get(target.childForFieldName('name')?.text ?? '');
    if (!cls) return OPAQUE;
    const init = cls.methods.get('__init__');
    const self: Value = { instance: cls };
    const ran = init ? inline(a, f, init, call, self) : undefined;
    // An exception class whose `__init__` hands `super()` its own message shows that message, not its arguments.
    const isError = [cls.name, ...cls.bases].some((n) => a.tables.errorSuffixes.some((s) => n.endsWith(s)));
    const held = isError && ran?.initMessage ? ran.initMessage : join([...call.positional, ...call.keywords.values()]);
    const out: Value = { instance: cls };
    const holds = held.taint ?? held.held ?? held.secretObject;
    if (holds) out.held = holds;
    if (cls.printsSecret) out.taint = withStep(cls.printsSecret, call.node, `${cls.name} instance created`)!;
    return out;
  }
  return inline(a, f, target, call, callee?.instance ? { instance: callee.instance } : undefined);
}

/**
 * A function that takes nothing (but `self` or `cls`) and whose body only passes, is `...`, holds a docstring or
 * raises (`raise NotImplementedError`). One that takes parameters may pass them on (`def fail(m): raise
 * ValueError(m)`): what it does with them matters.
 */
function isStub(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body');
  if (!body) return false;
  const parameters = fn.childForFieldName('parameters')?.namedChildren ?? [];
  if (parameters.some((p) => p.type !== 'identifier' || (p.text !== 'self' && p.text !== 'cls'))) return false;
  return body.namedChildren.every((statement) => {
    if (statement.type === 'pass_statement' || statement.type === 'raise_statement' || statement.type === 'comment') return true;
    // `return "<PASSWORD>"`: a stand-in that deployment fills in says no more than `pass`.
    if (statement.type === 'return_statement') return returnsStandIn(statement.namedChildren[0]);
    const only = statement.type === 'expression_statement' && statement.namedChildren.length === 1 ? statement.namedChildren[0]! : undefined;
    return only !== undefined && (only.type === 'ellipsis' || only.type === 'string');
  });
}

/** `return "<PASSWORD>"`: the returned text stands for a value (see `isStandIn`). */
function returnsStandIn(value: SyntaxNode | undefined): boolean {
  // An f-string is built at run time.
  return value?.type === 'string' && !/^[a-z]*f/i.test(value.text) && isStandIn(literalContent(value.text));
}

/** `from utils import download` / `import utils`: a function of a helper module of the repository. */
function imported(a: Analysis, f: Frame, call: CallFacts): Value | undefined {
  const written = call.written;
  const root = written.split('.')[0]!;
  if (!a.imports.isImported(root) || call.canonical === undefined) return undefined;
  const dot = call.canonical.lastIndexOf('.');
  if (dot <= 0) return undefined;
  // Reading another file is worth it when the call hands over a secret or may return one.
  const hands = [...call.positional, ...call.keywords.values(), ...call.splats].some((v) => v.taint || v.secretObject || v.held);
  const name = call.canonical.slice(dot + 1);
  // It may return a secret (`get_token()`) or a configuration that holds one (`load_config()`, `get_settings()`).
  if (!hands && !wordsOf(name).some((w) => SECRET_WORDS.test(w)) && !namesConfiguration(name)) return undefined;
  const module = a.modules.load(a.file, call.canonical.slice(0, dot));
  const fn = module?.functions.get(call.canonical.slice(dot + 1));
  if (!module || !fn) return undefined;
  return inline(module, f, fn, call, undefined);
}

/** An object read like any other by member: not a class instance with known fields, a Secret, the environment or a secrets mapping. */
function plainObject(value: Value | undefined): boolean {
  return value !== undefined && !value.instance && !value.secretObject && value.ref !== 'environ' && value.ref !== 'secrets';
}

/** Propagators, mutating methods, loggers and clients, error constructors, and helpers named after a secret. */
function carried(a: Analysis, f: Frame, call: CallFacts, receiverNode: SyntaxNode | null): Value {
  const t = a.tables;
  const { canonical, receiver, method } = call;
  const all = [...call.positional, ...call.keywords.values(), ...call.splats];
  if (canonical !== undefined) {
    if (t.loggerFactories.has(canonical) || t.loggerFactories.has(lastName(canonical))) return { ref: 'logger' };
    if (t.clientConstructors.has(canonical)) {
      // `httpx.Client(headers={"Authorization": …})`, `OpenAI(api_key=key)`: the client keeps what it is made with.
      const kept = join([...t.clientCredentialKeywords].map((k) => call.keywords.get(k)).map((v) => (v?.taint ? { taint: v.taint } : undefined)));
      return kept.taint ? { ref: 'client', held: withStep(kept.taint, call.node, `${canonical} keeps it`)! } : { ref: 'client' };
    }
    if (canonical === 'getattr' && !all[0]?.taint && !all[0]?.instance && call.positional[1]?.complete && a.names.classify(call.positional[1].str!) === 'secret') {
      // `getattr(settings, "hf_token", None)` reads the member the name says, as `settings.hf_token`.
      const label = `${dottedName(argumentsOf(call.node).positional[0] ?? null) ?? ''}.${call.positional[1].str}`;
      return { ...OPAQUE, taint: sourceTaint(label, call.node, `${label} holds a secret`) };
    }
    // `getattr(credentials, "universe_domain", default)` reads a member the name says is none: the default, if any.
    if (canonical === 'getattr' && call.positional[1]?.complete && a.names.classify(call.positional[1].str!) === 'no' && plainObject(all[0])) {
      const fallback = call.positional[2];
      return fallback?.taint ? { taint: fallback.taint } : OPAQUE;
    }
    // `vars(secret)` is the Secret's `__dict__`, plaintext field included.
    if (canonical === 'vars' && all[0]?.instance && call.positional.length === 1) return instanceNamespace(a, all[0].instance, call.node);
    if (canonical === 'vars' && all[0]?.secretObject && !all[0].taint) return { taint: withStep(all[0].secretObject, call.node, 'vars() of the Secret shows its plaintext field')! };
    if (t.propagatorFunctions.has(canonical)) return propagate(canonical, all);
  }
  if (receiver?.ref === 'environ' && method !== undefined) {
    // The whole environment is a secret as a whole (a copy, every value or item walked through); one member is
    // named by its own key elsewhere, and the keys are names.
    if (method === 'copy') return { ref: 'environ', ...(receiver.taint ? { taint: receiver.taint } : {}) };
    if (method === 'items' && receiver.taint) return { taint: receiver.taint, entries: true };
    return method === 'values' && receiver.taint ? { taint: receiver.taint } : OPAQUE;
  }
  if (receiver && method !== undefined) {
    if (receiver.sealed) return { sealed: true };
    const key = call.positional[0]?.complete ? call.positional[0].str : undefined;
    if (receiver.keyed && key !== undefined && (method === 'get' || method === 'pop')) return receiver.keyed.get(key) ?? call.positional[1] ?? CLEAN;
    if (receiver.taint && key !== undefined && (method === 'get' || method === 'pop')) {
      const member = memberOfSecret(a, receiver, key);
      if (member) return member;
    }
    // `kwargs.get("secrets")`: Truss's mapping of secrets, as `kwargs["secrets"]`.
    if (!receiver.taint && !receiver.ref && key !== undefined && method === 'get' && t.secretMappingKwargs.has(key)) {
      return secretsMapping(`${dottedName(receiverNode) ?? 'kwargs'}['${key}']`, call.node);
    }
    // `config.get("api_key")` on a mapping nothing is known about: the key names the value, as `config["api_key"]`.
    if (!receiver.taint && !receiver.ref && key !== undefined && (method === 'get' || method === 'pop') && a.names.classify(key) === 'secret') {
      const label = `${dottedName(receiverNode) ?? ''}['${key}']`;
      return { ...OPAQUE, taint: sourceTaint(label, call.node, `${label} holds a secret`) };
    }
    if ((method === 'format' || method === 'format_map') && receiver.complete && receiver.str !== undefined) {
      const formatted = formatFields(a, receiver.str, method === 'format' ? call : { ...call, positional: [], keywords: new Map(), splats: call.positional.slice(0, 1) });
      if (formatted) return formatted;
    }
    // `cmd.replace(token, "***")`, `url.replace(api_key, "[REDACTED]")`: the secret replaced by a mask.
    if (method === 'replace' && receiver.taint && call.positional[0]?.taint?.label === receiver.taint.label && call.positional[1] && !call.positional[1].taint) {
      return receiver.opaque ? OPAQUE : CLEAN;
    }
    if (t.propagatorMethods.has(method)) {
      const parts: Array<Value | undefined> = [receiver.taint ? { taint: receiver.taint } : receiver.secretFile ? { taint: receiver.secretFile } : undefined];
      if (receiver.held && SERIALISERS.has(method)) parts.push({ taint: receiver.held });
      if (t.argumentMethods.has(method)) {
        // `", ".join(mapping)` joins the mapping's keys: the names of secrets, not their values.
        const names = (v: Value) => method === 'join' && (v.ref === 'secrets' || v.ref === 'environ' || v.keyed !== undefined);
        parts.push(...all.map((v) => (v.taint && !names(v) ? { taint: v.taint } : undefined)));
      }
      const out = join(parts);
      if (method === 'format' && receiver.str !== undefined) return { ...out, str: receiver.str.split('{')[0], complete: false };
      if (out.taint && splitsPair(method, call.positional[0])) {
        const rest = { taint: out.taint };
        return { taint: out.taint, items: method === 'partition' ? [OPAQUE, CLEAN, rest] : [OPAQUE, rest] };
      }
      if (out.taint) return method === 'items' ? { taint: out.taint, entries: true } : { taint: out.taint };
      return receiver.opaque ? OPAQUE : CLEAN;
    }
    if (t.optionDeclarers.has(method)) {
      const option = call.positional.map((v) => (v.complete ? v.str : undefined)).find((s) => s?.startsWith('-') && isSecretOption(a, s));
      if (option) storeInto(a, f, receiverNode, { taint: sourceTaint(option, call.node, `command-line option ${option}`) });
      return CLEAN;
    }
    if (t.mutatingMethods.has(method)) {
      const added = container(all);
      if (added.taint || added.held) storeInto(a, f, receiverNode, added);
      return CLEAN;
    }
  }
  const name = lastName(call.written);
  if (/^[A-Z]/.test(name)) {
    const joined = join(all);
    if (a.tables.errorSuffixes.some((s) => name.endsWith(s))) return joined.taint ? { taint: joined.taint } : OPAQUE;
    const holds = joined.taint ?? joined.held ?? joined.secretObject;
    return holds ? { held: holds } : OPAQUE;
  }
  if (a.names.namesAReturnedSecret(name)) {
    return { taint: sourceTaint(`${call.written}()`, call.node, `${call.written}() returns a secret`) };
  }
  return OPAQUE;
}

/** `--hf-token`, `--api_key`: an option whose name is a secret's. */
function isSecretOption(a: Analysis, option: string): boolean {
  return a.names.classify(option.replace(/^-+/, '').replace(/-/g, '_')) === 'secret';
}

/** Calls that, given a mapping, keep only its keys: `list(self._secrets)` lists names. */
/**
 * `creds.split(":")`, `header.partition(" ")`: a credential pair (`user:password`, `Bearer <token>`) taken apart.
 * The user name or the scheme comes first and is no secret; the parts keep their places, so
 * `user, password = creds.split(":")` and `creds.split(":")[0]` read each its own.
 */
function splitsPair(method: string, separator: Value | undefined): boolean {
  if (method !== 'split' && method !== 'rsplit' && method !== 'partition') return false;
  return separator?.complete === true && (separator.str === ':' || separator.str === ' ');
}

const KEYS_OF_MAPPING = new Set(['list', 'sorted', 'set', 'tuple', 'frozenset', 'iter', 'enumerate']);

function propagate(canonical: string, all: Value[]): Value {
  if (KEYS_OF_MAPPING.has(canonical) && (all[0]?.ref === 'secrets' || all[0]?.ref === 'environ')) return OPAQUE;
  // `list(config)` of a dict whose keys are all static lists those keys: names, not values.
  if (KEYS_OF_MAPPING.has(canonical) && all.length === 1 && all[0]!.keyed) return CLEAN;
  const shown = all.find((v) => v.taint || v.secretFile);
  const taint = shown?.taint ?? shown?.secretFile;
  // Nothing secret went in, but what an unknown value turns into is still unknown (`yaml.safe_load(f)`).
  const out: Value = taint ? { taint } : all.some((v) => v.opaque) ? { opaque: true } : {};
  if (canonical === 'os.path.join' || canonical === 'posixpath.join') {
    const parts = all.map((v) => v.str);
    if (parts.every((p) => p !== undefined)) {
      out.str = parts.join('/').replace(/\/{2,}/g, '/');
      out.complete = all.every((v) => v.complete);
    }
  }
  if (canonical === 'urllib.parse.urljoin') {
    // `urljoin(base, url)`: an absolute url stands alone; a relative one keeps the base's scheme and host.
    const [base, url] = all;
    if (url?.str !== undefined && isAbsoluteUrl(url.str)) Object.assign(out, { str: url.str, complete: url.complete === true });
    else if (base?.str !== undefined) {
      const whole = base.complete === true && url?.complete === true && url.str !== undefined;
      Object.assign(out, { str: whole ? joinUrlPath(base.str, url.str!) : base.str, complete: whole });
    }
  }
  if (!taint) {
    const held = all.find((v) => v.held)?.held;
    if (held) out.held = held;
  }
  return out;
}

/** `str.format` replacement fields: `{}`, `{0}`, `{name}`, `{name.attr}`, `{name!r:>10}`; `{{` is a literal brace. */
const FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::([^{}]*))?\}/g;

/**
 * `"{model}: {key}".format(**locals())` shows only the fields the template names: each is looked up among the
 * keyword arguments, then in the `**` mappings whose keys are known. Undefined when the template cannot be read.
 */
function formatFields(a: Analysis, template: string, call: CallFacts): Value | undefined {
  const max = a.tables.catalog.sanitizers.shortRevealMax;
  const shown: Value[] = [];
  let auto = 0;
  for (const match of template.matchAll(FIELD)) {
    if (match[1] === undefined) continue;
    const field = match[1].trim();
    const name = /^[^.[]*/.exec(field)![0];
    const spec = match[2];
    const precision = spec === undefined ? undefined : /^[^.]*\.(\d+)s?$/.exec(spec)?.[1];
    let value: Value | undefined;
    if (name === '' || /^\d+$/.test(name)) {
      const index = name === '' ? auto++ : Number(name);
      value = call.positional[index];
      if (value === undefined) {
        // `*args` or a short call: whatever the splats carry.
        if (call.splats.some((s) => !s.keyed)) value = join(call.splats.filter((s) => !s.keyed));
        else continue;
      }
    } else {
      value = call.keywords.get(name);
      if (value === undefined) {
        for (const splat of call.splats) {
          if (!splat.keyed) return undefined;
          const entry = splat.keyed.get(name);
          if (entry) value = entry;
        }
      }
      if (value === undefined) continue;
    }
    if (precision !== undefined && Number(precision) <= max) continue;
    if (value.taint) shown.push({ taint: value.taint });
  }
  const out = join(shown);
  return { ...(out.taint ? { taint: out.taint } : {}), str: template.split('{')[0], complete: false };
}

/** `locals()`, `vars()`, `globals()`: the variables in scope, by name, so `.format(**locals())` reads the named ones. */
function namespace(a: Analysis, f: Frame, call: CallFacts, fnNode: SyntaxNode | null): Value | undefined {
  if (fnNode?.type !== 'identifier' || call.positional.length + call.keywords.size + call.splats.length > 0) return undefined;
  const name = fnNode.text;
  if (name !== 'locals' && name !== 'vars' && name !== 'globals') return undefined;
  if (f.env.lookup(name) || a.functions.has(name) || a.imports.isImported(name)) return undefined;
  const keyed = new Map<string, Value>();
  const stop = name === 'globals' ? undefined : a.module;
  let env: Env | undefined = name === 'globals' ? a.module : f.env;
  for (; env && (env !== stop || env === f.env); env = env.parent) {
    for (const [key, value] of env.vars) if (!keyed.has(key) && !key.includes('.')) keyed.set(key, value);
    if (env === stop) break;
  }
  return { ...container([...keyed.values()]), keyed };
}

/** `super().__init__`, `super(Cls, self).__init__`, or `Base.__init__(self, ...)` inside a method. */
function isSuperCall(receiverNode: SyntaxNode | null, f: Frame): boolean {
  if (!receiverNode || !f.cls) return false;
  if (receiverNode.type === 'call') return receiverNode.childForFieldName('function')?.text === 'super';
  const name = dottedName(receiverNode);
  return name !== undefined && (f.cls.bases.includes(lastName(name)) || /(?:Exception|Error)$/.test(name));
}
