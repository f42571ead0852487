import { UNKNOWN_PART } from '@secret-hygiene/core';
import type { PyNode as SyntaxNode } from './tree.js';
import { isAmbiguousCredential } from './ambiguous.js';
import { evaluateCall } from './calls.js';
import { checkPasswordComparison } from './credential-arguments.js';
import { type Analysis, Env, type Frame, isSecretName } from './context.js';
import { printedTaint } from './repr.js';
import { reportOutput } from './sinks.js';
import { envSource, isShortReveal, mappingSource, secretsMapping } from './sources.js';
import { environSlot } from './statements.js';
import { dottedName, lastName, literalContent } from './syntax.js';
import { namesConfiguration } from './words.js';
import { CLEAN, type ClassInfo, OPAQUE, type Value, container, join, merge, sourceTaint, withStep } from './values.js';

/** Nesting beyond which an expression is not followed (generated code can nest thousands deep). */
const MAX_NESTING = 200;
let nesting = 0;

/** What an expression evaluates to, reporting the sinks it passes on the way. */
export function evaluate(a: Analysis, f: Frame, node: SyntaxNode | null | undefined): Value {
  if (!node) return CLEAN;
  if (nesting >= MAX_NESTING) return OPAQUE;
  nesting++;
  try {
    return evaluateNode(a, f, node);
  } finally {
    nesting--;
  }
}

function evaluateNode(a: Analysis, f: Frame, node: SyntaxNode): Value {
  switch (node.type) {
    case 'identifier':
      return identifier(a, f, node);
    case 'attribute':
      return attribute(a, f, node);
    case 'subscript':
      return subscript(a, f, node);
    case 'call':
      return evaluateCall(a, f, node);
    case 'string':
      return fString(a, f, node);
    case 'concatenated_string':
      return concatenate(node.namedChildren.map((part) => evaluate(a, f, part)));
    case 'binary_operator':
      return binary(a, f, node);
    case 'boolean_operator':
      return merge(evaluate(a, f, node.childForFieldName('left')), evaluate(a, f, node.childForFieldName('right')));
    case 'comparison_operator':
      comparison(a, f, node);
      return CLEAN;
    case 'not_operator':
    case 'unary_operator':
      for (const child of node.namedChildren) evaluate(a, f, child);
      return CLEAN;
    case 'conditional_expression': {
      const [then, condition, otherwise] = node.namedChildren;
      evaluate(a, f, condition);
      const thenValue = evaluate(a, f, then);
      const otherValue = evaluate(a, f, otherwise);
      if (redacts(a, condition, thenValue, otherValue)) return CLEAN;
      return merge(thenValue, otherValue);
    }
    case 'parenthesized_expression':
    case 'await':
    case 'keyword_argument':
    case 'list_splat':
    case 'dictionary_splat':
    case 'expression_statement':
      return node.namedChildren.length === 1 ? evaluate(a, f, node.namedChildren[0]) : join(node.namedChildren.map((c) => evaluate(a, f, c)));
    case 'named_expression': {
      const value = evaluate(a, f, node.childForFieldName('value'));
      const name = node.childForFieldName('name')?.text;
      if (name) f.env.set(name, value);
      return value;
    }
    case 'dictionary':
      return dictionary(a, f, node);
    case 'list':
    case 'tuple':
    case 'expression_list': {
      const items = node.namedChildren.map((c) => evaluate(a, f, c));
      return { ...container(items), items };
    }
    case 'set':
      return container(node.namedChildren.map((c) => evaluate(a, f, c)));
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension':
      return comprehension(a, f, node);
    case 'yield':
      return yieldValue(a, f, node);
    case 'lambda':
      return lambda(a, f, node);
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
    case 'ellipsis':
    case 'slice':
    case 'comment':
      return CLEAN;
    default:
      return join(node.namedChildren.map((c) => evaluate(a, f, c)));
  }
}

function identifier(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const name = node.text;
  const bound = f.env.lookup(name);
  if (bound) return bareToken(a, byName(a, bound, name, node), name, node);
  if (a.imports.isImported(name)) {
    const canonical = a.imports.canonical(name);
    if (a.tables.environObjects.has(canonical)) return environ(node, canonical);
    // `import secrets` is the standard library's module; `from settings import API_KEY` is a value.
    if (a.imports.isModule(name)) return withLogName(a, { ...OPAQUE, ref: 'module' }, canonical);
    if (reachesLogCall(a, canonical)) return { ...OPAQUE, logs: canonical };
    const constant = importedConstant(a, name, node);
    if (constant) return constant;
    return byName(a, { ...OPAQUE, ref: 'module' }, name, node);
  }
  const fn = a.functions.get(name) ?? a.classes.get(name)?.node;
  if (fn) return { callable: fn };
  // A builtin such as `print`, kept so that `log = print` logs.
  if (reachesLogCall(a, name)) return { ...OPAQUE, logs: name };
  return bareToken(a, byName(a, OPAQUE, name, node), name, node);
}

/** A log call or an object one is a member of: `print`, `sys`, `sys.stdout`, `logging.info`. */
function reachesLogCall(a: Analysis, canonical: string): boolean {
  return a.tables.logCalls.has(canonical) || a.tables.logCallReceivers.has(canonical);
}

function withLogName(a: Analysis, value: Value, canonical: string): Value {
  return reachesLogCall(a, canonical) ? { ...value, logs: canonical } : value;
}

/**
 * `from .utils import ROOT_KEY` where the repository's module says `ROOT_KEY = '__root__'`: a secret-looking name
 * bound to plain text there is that text. `from config import HEADERS` where the module builds it from the
 * environment: the secret it carries or holds there it carries here. Only secret-looking, constant and
 * configuration names are looked up (reading a module costs).
 */
function importedConstant(a: Analysis, name: string, node: SyntaxNode, canonical = a.imports.canonical(name)): Value | undefined {
  // Secret-looking names, UPPER_CASE constants (`HF_TOKEN_ENV`, read as an environment variable's name), `settings`.
  if (!isSecretName(a, name) && !/^[A-Z][A-Z0-9_]*$/.test(name) && !namesConfiguration(name)) return undefined;
  const dot = canonical.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const helper = a.modules.load(a.file, canonical.slice(0, dot));
  const value = helper?.module.vars.get(canonical.slice(dot + 1));
  if (!value) return undefined;
  if (!value.taint && value.complete && value.str !== undefined) return { str: value.str, complete: true };
  if (!value.taint && !value.held && !value.secretObject) return undefined;
  // Data only: the helper's functions, classes and loggers are reached through its own analysis.
  const note = `imported from ${canonical.slice(0, dot)}`;
  const out: Value = {};
  if (value.taint) out.taint = withStep(value.taint, node, note)!;
  if (value.held) out.held = withStep(value.held, node, note)!;
  if (value.secretObject) out.secretObject = withStep(value.secretObject, node, note)!;
  if (value.keyed) out.keyed = value.keyed;
  if (value.items) out.items = value.items;
  return out;
}

/** A bare `token` nothing is known about is a credential unless its function shows a lexer or a cursor. */
function bareToken(a: Analysis, value: Value, name: string, node: SyntaxNode): Value {
  if (!value.opaque || value.taint || !isAmbiguousCredential(a, name, node)) return value;
  return { ...value, taint: { ...sourceTaint(name, node, `\`${name}\` is named like a credential`), ambiguous: true } };
}

/**
 * A value nothing is known about takes the verdict of its name: `api_key` holds a secret. So does text with a part
 * known only at run time (`api_key = "sk_" + secrets.token_urlsafe(32)`), as in the TypeScript engine: only text
 * built from literals alone is known.
 */
function byName(a: Analysis, value: Value, name: string, node: SyntaxNode): Value {
  if (!(value.opaque || partlyUnknownText(value)) || value.taint || !isSecretName(a, name)) return value;
  if (a.tables.secretMappings.has(name)) return secretsMapping(name, node);
  const taint = sourceTaint(name, node, `${name} holds a secret`);
  return { ...value, taint: value.minted ? { ...taint, minted: true } : taint };
}

function partlyUnknownText(value: Value): boolean {
  return value.str !== undefined && value.complete !== true && !value.sealed && value.ref === undefined;
}

/** `vars(self)`, `self.__dict__`: every field of the instance by name, each with the verdict of its name. */
export function instanceNamespace(a: Analysis, instance: ClassInfo, node: SyntaxNode): Value {
  const keyed = new Map<string, Value>();
  for (const [name, field] of instance.fields) keyed.set(name, byName(a, field, name, node));
  return { ...container([...keyed.values()]), keyed };
}

export function environ(node: SyntaxNode, label: string): Value {
  return { ref: 'environ', taint: sourceTaint(label, node, 'the whole environment') };
}

function attribute(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const dotted = dottedName(node);
  if (dotted !== undefined && a.tables.environObjects.has(a.imports.canonical(dotted))) return environ(node, dotted);
  const attr = node.childForFieldName('attribute')?.text ?? '';
  const object = evaluate(a, f, node.childForFieldName('object'));
  const label = dotted ?? `.${attr}`;
  const stored = dotted === undefined || object.instance ? undefined : (f.env.lookup(dotted) ?? (f.cls && dotted.startsWith('self.') ? f.cls.fields.get(dotted.slice(5)) : undefined));
  if (stored) return stored;
  // `sys.stdout` through an alias of `sys`; a logger's method taken off it (`info = logger.info`).
  if (object.logs !== undefined && reachesLogCall(a, `${object.logs}.${attr}`)) return { ...OPAQUE, logs: `${object.logs}.${attr}` };
  if (object.ref === 'logger' && a.tables.loggerMethods.has(attr)) return { ...OPAQUE, logs: `logging.${attr}` };
  // `conf.HEADERS` of `from app import conf`: the helper module's own variable.
  if (object.ref === 'module' && dotted !== undefined) {
    const constant = importedConstant(a, attr, node, a.imports.canonical(dotted));
    if (constant) return constant;
  }
  // `client.headers`, `client.api_key`: what a client was made with, shown back.
  if (object.ref === 'client' && object.held && a.tables.clientCredentialKeywords.has(attr)) return { taint: withStep(object.held, node, `${label} shows what the client was made with`)! };
  if (object.instance) {
    if (attr === '__dict__') return instanceNamespace(a, object.instance, node);
    const field = object.instance.fields.get(attr);
    if (field) return byName(a, field, attr, node);
    const method = object.instance.methods.get(attr);
    if (method) return { callable: method, instance: object.instance };
  }
  // `secret.secret_value`, `secret.__dict__` (which holds the plaintext field) show the value.
  if (object.secretObject && (attr === 'secret_value' || attr === '_secret_value' || attr === '__dict__')) return { taint: object.secretObject };
  // `secret.get_secret_value` not called is a bound method: printed, it shows the method, not the value.
  if (a.tables.secretValueMethods.has(attr)) return OPAQUE;
  if (a.tables.secretMappings.has(attr)) return secretsMapping(label, node);
  // `request.headers`, `request.cookies`: the caller's credentials (Authorization, Cookie) ride on them.
  if (a.tables.requestCredentialMembers.has(attr) && !object.taint && a.tables.requestObjects.has(lastName(node.childForFieldName('object')?.text ?? ''))) {
    return { ...OPAQUE, taint: sourceTaint(label, node, `${label} carries the request's credentials (Authorization, Cookie)`) };
  }
  if (isSecretName(a, attr)) return { ...OPAQUE, taint: sourceTaint(label, node, `${label} holds a secret`) };
  return OPAQUE;
}

function subscript(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const valueNode = node.childForFieldName('value');
  const object = evaluate(a, f, valueNode);
  const keyNode = node.childForFieldName('subscript');
  if (keyNode?.type === 'slice') {
    if (object.taint && isShortReveal(keyNode, a.tables.catalog.sanitizers.shortRevealMax)) return CLEAN;
    return object.taint ? { taint: object.taint } : object.opaque ? OPAQUE : CLEAN;
  }
  const key = evaluate(a, f, keyNode);
  const name = key.complete ? key.str : undefined;
  if (object.ref === 'environ') return name === undefined ? OPAQUE : (writtenEnviron(f, name) ?? envSource(a, name, node));
  if (name !== undefined && object.keyed) return object.keyed.get(name) ?? CLEAN;
  // `cmd[0]` of a list or tuple literal: the element written there.
  if (object.items && keyNode && /^-?\d+$/.test(keyNode.text.replace(/\s/g, ''))) {
    const index = Number(keyNode.text.replace(/\s/g, ''));
    const item = object.items[index < 0 ? object.items.length + index : index];
    if (item) return item;
  }
  if (object.ref === 'secrets') return mappingSource(dottedName(valueNode) ?? 'secrets', name, node);
  if (name !== undefined && a.tables.secretMappingKwargs.has(name) && !object.taint) return secretsMapping(`${valueNode?.text ?? 'kwargs'}['${name}']`, node);
  if (object.taint && keyNode?.text.trim() === '0' && cutsBeforeSecret(valueNode)) return CLEAN;
  if (object.taint) return memberOfSecret(a, object, name) ?? { taint: object.taint };
  if (name !== undefined && isSecretName(a, name)) {
    const label = `${dottedName(valueNode) ?? ''}['${name}']`;
    return { ...OPAQUE, taint: sourceTaint(label, node, `${label} holds a secret`) };
  }
  return object.opaque || object.held ? OPAQUE : CLEAN;
}

/** Strings and f-strings: static text up to the first interpolation, and the taint of what is interpolated. */
/** A string that starts like a URL (`http://`, `ws://`): the only strings whose shape is kept. */
const SCHEME_AT_START = /^[a-z][a-z0-9+.-]*:\/\//i;

function fString(a: Analysis, f: Frame, node: SyntaxNode): Value {
  // Plain strings arrive without children (see copyTree): their text is their value.
  if (node.namedChildren.length === 0) return { str: literalContent(node.text), complete: true, literal: node };
  let str = '';
  // Only a URL's shape is read (its host may follow unknown credentials): log messages need none.
  let shape = SCHEME_AT_START.test(node.namedChildren[0]?.type === 'string_content' ? node.namedChildren[0].text : '') ? '' : undefined;
  let complete = true;
  const parts: Value[] = [];
  for (const child of node.namedChildren) {
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      if (complete) str += child.text;
      if (shape !== undefined) shape += child.text;
    } else if (child.type === 'interpolation') {
      complete = false;
      if (shape !== undefined) shape += UNKNOWN_PART;
      // A Secret object interpolated shows its masked repr, so only plaintext taints the string.
      const value = evaluate(a, f, child.childForFieldName('expression'));
      const shown = printedTaint(a, f, value, child);
      if (shown && !isShortFormat(child, a.tables.catalog.sanitizers.shortRevealMax)) parts.push({ taint: shown });
    }
  }
  return { ...join(parts), str, complete, ...(complete || shape === undefined ? {} : { shape }) };
}

/** `f"{key:.4}"`: a precision that cuts the value to a short reveal. */
/** `password == "…"`: a password checked against a literal (the operands of a chain are checked pairwise). */
function comparison(a: Analysis, f: Frame, node: SyntaxNode): void {
  const operands = node.namedChildren;
  const values = operands.map((child) => evaluate(a, f, child));
  // Only named nodes are copied: the operator is the text between two operands.
  for (let i = 0; i + 1 < operands.length; i++) {
    const operator = node.text.slice(operands[i]!.endIndex - node.startIndex, operands[i + 1]!.startIndex - node.startIndex).trim();
    if (operator === '==' || operator === '!=') checkPasswordComparison(a, operands[i]!, operands[i + 1]!, [values[i]!, values[i + 1]!]);
  }
}

function isShortFormat(interpolation: SyntaxNode, max: number): boolean {
  const spec = interpolation.childForFieldName('format_specifier')?.text.replace(/^:/, '');
  const precision = spec === undefined ? undefined : /^[^.]*\.(\d+)s?$/.exec(spec)?.[1];
  return precision !== undefined && Number(precision) <= max;
}

function concatenate(values: Value[]): Value {
  const taints = join(values.map((v) => (v.taint ? { taint: v.taint } : undefined)));
  // `ssh_keys + legacy_keys`, `a + b`: no part is known text, so the sum is no text the analysis knows of; made of
  // values nothing is known about, nothing is known about it either.
  if (!values.some((v) => v.str !== undefined)) return values.some((v) => v.opaque) ? { ...taints, opaque: true } : taints;
  let str = '';
  let shape = SCHEME_AT_START.test(values[0]?.str ?? '') ? '' : undefined;
  let complete = true;
  for (const v of values) {
    if (complete) str += v.str ?? '';
    if (shape !== undefined) shape += v.complete && v.str !== undefined ? v.str : (v.shape ?? `${v.str ?? ''}${UNKNOWN_PART}`);
    complete &&= v.str !== undefined && v.complete === true;
  }
  return { ...taints, str, complete, ...(complete || shape === undefined ? {} : { shape }) };
}

function binary(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const leftNode = node.childForFieldName('left');
  const rightNode = node.childForFieldName('right');
  // Operators are tokens the tree copy leaves out: read the text between the operands.
  const operator = leftNode && rightNode ? node.text.slice(leftNode.endIndex - node.startIndex, rightNode.startIndex - node.startIndex).trim() : undefined;
  const left = evaluate(a, f, leftNode);
  const right = evaluate(a, f, rightNode);
  if (operator === '+') return concatenate([left, right]);
  if (operator === '%') {
    const out: Value = join([left.taint ? { taint: left.taint } : undefined, right.taint ? { taint: right.taint } : undefined]);
    if (left.str !== undefined) return { ...out, str: left.str.split('%')[0], complete: false };
    return out;
  }
  if (operator === '/' && left.str !== undefined && left.complete && right.str !== undefined) {
    // `Path("/secrets") / "name"`: the path text is what decides whether reading it reads a secret.
    return { str: `${left.str.replace(/\/$/, '')}/${right.str}`, complete: right.complete === true };
  }
  if (operator === '*') return join([left.taint ? { taint: left.taint } : undefined, right.taint ? { taint: right.taint } : undefined]);
  return CLEAN;
}

function dictionary(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const values: Value[] = [];
  let keyed: Map<string, Value> | undefined = new Map();
  for (const child of node.namedChildren) {
    if (child.type !== 'pair') {
      values.push(evaluate(a, f, child));
      keyed = undefined; // `**other` adds keys we cannot name
      continue;
    }
    const key = evaluate(a, f, child.childForFieldName('key'));
    const valueNode = child.childForFieldName('value');
    const value = evaluate(a, f, valueNode);
    values.push(key);
    let entry = value;
    if ((!value.taint || value.taint.ambiguous) && key.complete && key.str !== undefined && a.tables.credentialKeys.has(key.str.toLowerCase())) {
      const evidence = credentialEvidence(a, valueNode);
      if (evidence) entry = { taint: sourceTaint(evidence, valueNode!, `${evidence} is sent as a credential`) };
    }
    values.push(entry);
    if (keyed && key.complete && key.str !== undefined) keyed.set(key.str, entry);
    else keyed = undefined;
  }
  const out = container(values);
  return keyed ? { ...out, keyed } : out;
}

/** An ambiguous name (`token`, `key`) used as a credential's value: `{"Authorization": f"Bearer {token}"}`. */
function credentialEvidence(a: Analysis, node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier' || node.type === 'attribute') {
    const name = node.type === 'identifier' ? node.text : (node.childForFieldName('attribute')?.text ?? '');
    return a.names.classify(name) === 'ambiguous' ? (dottedName(node) ?? name) : undefined;
  }
  if (node.type === 'string') {
    for (const child of node.namedChildren) {
      if (child.type !== 'interpolation') continue;
      const found = credentialEvidence(a, child.childForFieldName('expression'));
      if (found) return found;
    }
    return undefined;
  }
  if (node.type === 'binary_operator') return credentialEvidence(a, node.childForFieldName('left')) ?? credentialEvidence(a, node.childForFieldName('right'));
  return undefined;
}

function comprehension(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const outer = f.env;
  f.env = new Env(outer);
  try {
    for (const clause of node.namedChildren) {
      if (clause.type === 'for_in_clause') {
        const iterable = evaluate(a, f, clause.childForFieldName('right'));
        for (const target of clause.childrenForFieldName('left')) bindLoopTargets(f, target, iterable);
      } else if (clause.type === 'if_clause') evaluate(a, f, clause.namedChildren[0]);
    }
    const body = node.childForFieldName('body') ?? node.namedChildren[0];
    if (body?.type === 'pair') return container([evaluate(a, f, body.childForFieldName('key')), evaluate(a, f, body.childForFieldName('value'))]);
    return container([evaluate(a, f, body)]);
  } finally {
    f.env = outer;
  }
}

/**
 * A lambda's body runs later, with the variables it closes over: its sinks are checked where it is written, with
 * its parameters unknown. The lambda itself is no secret.
 */
function lambda(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const outer = f.env;
  f.env = new Env(outer);
  try {
    for (const parameter of node.childForFieldName('parameters')?.namedChildren ?? []) {
      bindNames(f, parameter.childForFieldName('name') ?? parameter, OPAQUE);
    }
    evaluate(a, f, node.childForFieldName('body'));
  } finally {
    f.env = outer;
  }
  return CLEAN;
}

/**
 * Binds a loop's targets to what iterating `iterable` yields. Iterating a mapping of secrets yields their names;
 * `for name, value in mapping.items()` binds the names apart from the values.
 */
export function bindLoopTargets(f: Frame, target: SyntaxNode, iterable: Value): void {
  // Iterating a mapping yields its keys: names, never the values (a dict literal's keys are static).
  const element = iterable.ref === 'environ' || iterable.ref === 'secrets' ? OPAQUE : iterable.keyed && !iterable.entries ? CLEAN : join([iterable]);
  const pair = target.namedChildren;
  if (iterable.entries && (target.type === 'pattern_list' || target.type === 'tuple_pattern') && pair.length === 2) {
    bindNames(f, pair[0]!, OPAQUE);
    bindNames(f, pair[1]!, element);
  } else bindNames(f, target, element);
}

/** Binds every name of a loop or comprehension target to one value. */
export function bindNames(f: Frame, target: SyntaxNode, value: Value): void {
  if (target.type === 'identifier') f.env.set(target.text, value);
  else for (const child of target.namedChildren) bindNames(f, child, value);
}

function yieldValue(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const inner = node.namedChildren[0];
  const value = evaluate(a, f, inner);
  if (f.entry) reportOutput(a, f, node, value, 'yielded by');
  // A generator's callers iterate what it yields (`for c in creds(): print(c)`).
  else if (value.taint) f.returns.push({ taint: value.taint });
  return OPAQUE;
}

/**
 * `info["accessToken"]["role"]`, `creds.get("client_email")`: a string key reads a member of a structure (a
 * credential string has none), and a member named like plain data (`role`, `model`, `client_email`) is not the
 * secret. Undefined when the member keeps the structure's taint.
 */
export function memberOfSecret(a: Analysis, object: Value, name: string | undefined): Value | undefined {
  if (name === undefined || object.ref || /^-?\d+$/.test(name)) return undefined;
  if (a.tables.credentialKeys.has(name.toLowerCase()) || a.names.classify(name) !== 'no') return undefined;
  return OPAQUE;
}

/** `token=`, `api_key=`, `sig=`: a query parameter that carries a credential. */
const SECRET_PARAMETER = /^[&?]?[\w.-]*(?:token|key|secret|password|passwd|pwd|sig|signature|auth|credential)[\w.-]*=$/i;

/**
 * `url.split("token=")[0]`, `url.split("?")[0]`, `url.partition("?")[0]`: the text before a query string or a
 * credential parameter, the usual way of printing a download URL without its token.
 */
function cutsBeforeSecret(node: SyntaxNode | null): boolean {
  if (node?.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  if (method !== 'split' && method !== 'partition') return false;
  const first = node.childForFieldName('arguments')?.namedChildren[0];
  if (first?.type !== 'string' || first.namedChildren.some((c) => c.type === 'interpolation')) return false;
  const separator = literalContent(first.text);
  return separator === '?' || SECRET_PARAMETER.test(separator);
}

/** Words of a condition that picks out credentials by their name: `k.lower() in ("authorization", "x-api-key")`. */
const CREDENTIAL_TEST = /authori[sz]ation|api[-_]?key|secret|token|passw|credential|sensitive|\bkey\b/i;

/**
 * `"***" if k.lower() == "authorization" else v`, `v if "KEY" not in k else "<redacted>"`: a redaction by name,
 * one branch a fixed mask and the condition comparing against credential-like names (string literals or an
 * UPPER_CASE constant such as `SENSITIVE_HEADERS`), the usual way of printing headers or settings masked.
 */
function redacts(a: Analysis, condition: SyntaxNode | undefined, then: Value, otherwise: Value): boolean {
  if (!condition || (condition.type !== 'comparison_operator' && condition.type !== 'boolean_operator')) return false;
  const mask = (v: Value) => v.complete === true && v.str !== undefined && !v.taint;
  if (mask(then) === mask(otherwise)) return false;
  if (!(mask(then) ? otherwise : then).taint) return false;
  const stack: SyntaxNode[] = [condition];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'string' && CREDENTIAL_TEST.test(literalContent(n.text))) return true;
    if (n.type === 'identifier' && /^[A-Z][A-Z0-9_]*$/.test(n.text) && CREDENTIAL_TEST.test(n.text.replace(/_/g, ' '))) return true;
    if (n.type === 'comparison_operator' || n.type === 'boolean_operator' || n.type === 'not_operator' || n.type === 'parenthesized_expression' || n.type === 'tuple' || n.type === 'list' || n.type === 'set' || n.type === 'call' || n.type === 'argument_list' || n.type === 'attribute') stack.push(...n.namedChildren);
  }
  return false;
}

/** The static text this code wrote to `os.environ[name]` earlier, if it did. */
export function writtenEnviron(f: Frame, name: string): Value | undefined {
  const written = f.env.lookup(environSlot(name));
  return written && written.complete && written.str !== undefined ? written : undefined;
}
