import type { PyNode as SyntaxNode } from './tree.js';
import { analyseFunction } from './analyse-function.js';
import { type Analysis, Env, type Frame, isSecretName } from './context.js';
import { bindLoopTargets, bindNames, evaluate } from './expressions.js';
import { warnEnvironWrite } from './platform.js';
import { reportFlow, reportOutput } from './sinks.js';
import { storeInto } from './store.js';
import { dottedName, lastName, unwrap } from './syntax.js';
import { OPAQUE, type Value, container, join, merge, sourceTaint, withStep } from './values.js';
import { classifyLiteral } from '@secret-hygiene/core';
import { checkSigningKeyAssignment } from './credential-arguments.js';

/** Runs a function's (or the module's) body, then the nested functions no call has followed. */
export function runBody(a: Analysis, f: Frame, body: SyntaxNode | null | undefined): void {
  if (!body) return;
  execBlock(a, f, body);
  for (const nested of f.nested) {
    if (a.analysed.has(nested.id)) continue;
    analyseFunction(a, nested, { closure: f.env, reporting: f.reporting, depth: f.depth + 1 });
  }
}

export function execBlock(a: Analysis, f: Frame, block: SyntaxNode): void {
  for (const statement of block.namedChildren) execStatement(a, f, statement);
}

function execStatement(a: Analysis, f: Frame, s: SyntaxNode): void {
  switch (s.type) {
    case 'expression_statement':
      for (const child of s.namedChildren) expressionStatement(a, f, child);
      return;
    case 'return_statement': {
      const value = s.namedChildren[0] ? evaluate(a, f, s.namedChildren[0]) : OPAQUE;
      f.returns.push(value);
      reportOutput(a, f, s, value, 'returned by');
      return;
    }
    case 'raise_statement':
      return raise(a, f, s);
    case 'assert_statement': {
      const [condition, message] = s.namedChildren;
      evaluate(a, f, condition);
      const value = evaluate(a, f, message);
      if (message && value.taint) reportFlow(a, f, 'no-secret-in-error', s, value.taint, 'assert', 'assert …');
      return;
    }
    case 'print_statement': {
      const value = join(s.namedChildren.map((c) => evaluate(a, f, c)));
      if (value.taint) reportFlow(a, f, 'no-secret-in-log', s, value.taint, 'print', 'print …');
      return;
    }
    case 'if_statement':
      return branches(a, f, s);
    case 'match_statement':
      evaluate(a, f, s.childForFieldName('subject'));
      return alternatives(a, f, (s.childForFieldName('body')?.namedChildren ?? []).filter((c) => c.type === 'case_clause').map((c) => c.childForFieldName('consequence')), false);
    case 'for_statement': {
      const iterable = evaluate(a, f, s.childForFieldName('right'));
      const left = s.childForFieldName('left');
      if (left) bindLoopTargets(f, left, iterable);
      return alternatives(a, f, [s.childForFieldName('body'), s.childForFieldName('alternative')], false);
    }
    case 'while_statement':
      evaluate(a, f, s.childForFieldName('condition'));
      return alternatives(a, f, [s.childForFieldName('body'), s.childForFieldName('alternative')], false);
    case 'try_statement':
      return tryStatement(a, f, s);
    case 'with_statement':
      return withStatement(a, f, s);
    case 'function_definition':
    case 'decorated_definition': {
      const fn = unwrap(s);
      if (fn.type !== 'function_definition') return;
      const name = fn.childForFieldName('name')?.text;
      if (name) f.env.set(name, { callable: fn });
      f.nested.push(fn);
      return;
    }
    case 'import_statement':
    case 'import_from_statement':
      // Imports inside functions (`import requests` in `setup`) name modules for the whole file.
      a.imports.add(s);
      return;
    case 'class_definition':
    case 'future_import_statement':
    case 'pass_statement':
    case 'break_statement':
    case 'continue_statement':
    case 'global_statement':
    case 'nonlocal_statement':
    case 'comment':
      return;
    case 'block':
      return execBlock(a, f, s);
    default:
      for (const child of s.namedChildren) {
        if (child.type === 'block') execBlock(a, f, child);
        else evaluate(a, f, child);
      }
  }
}

function expressionStatement(a: Analysis, f: Frame, node: SyntaxNode): void {
  if (node.type === 'assignment') assignment(a, f, node);
  else if (node.type === 'augmented_assignment') {
    const left = node.childForFieldName('left');
    const value = join([evaluate(a, f, left), evaluate(a, f, node.childForFieldName('right'))]);
    if (left) bind(a, f, left, value, node);
  } else evaluate(a, f, node);
}

function assignment(a: Analysis, f: Frame, node: SyntaxNode): Value {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!right || !left) return OPAQUE;
  // `a, b = x, y` binds pairwise; `a = b = x` binds both.
  if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && (right.type === 'expression_list' || right.type === 'tuple')) {
    const targets = left.namedChildren;
    const values = right.namedChildren;
    if (targets.length === values.length) {
      const evaluated = values.map((v) => evaluate(a, f, v));
      targets.forEach((target, i) => bind(a, f, target, evaluated[i]!, node));
      return join(evaluated);
    }
  }
  const value = right.type === 'assignment' ? assignment(a, f, right) : evaluate(a, f, right);
  bind(a, f, left, value, node);
  return value;
}

/** Only a value whose name will decide it (no taint of its own, a secret name) can be a key made for the caller. */
function mayBeMinted(a: Analysis, name: string, value: Value): boolean {
  return !value.taint && isSecretName(a, name);
}

/**
 * Whether an assigned expression makes its value with a minting call (`secrets.token_urlsafe(32)`,
 * `"sk_" + secrets.token_hex(24)`, `jwt.encode(claims, key)`), not counting calls inside a lambda.
 */
function mintedIn(a: Analysis, node: SyntaxNode | null | undefined): boolean {
  // A loop over a stack, not recursion: an expression may nest thousands deep.
  const stack = node ? [node] : [];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.type === 'lambda') continue;
    if (next.type === 'call') {
      const dotted = dottedName(next.childForFieldName('function'));
      if (dotted !== undefined && a.tables.mintingCalls.has(a.imports.canonical(dotted))) return true;
    }
    stack.push(...next.namedChildren);
  }
  return false;
}

/** Stores a value into an assignment target: a variable, `self.x`, `d["k"]`, `os.environ["K"]`, a tuple. */
function bind(a: Analysis, f: Frame, target: SyntaxNode, value: Value, at: SyntaxNode): void {
  switch (target.type) {
    case 'identifier': {
      const name = target.text;
      const hardcoded = hardcodedSecret(value, name, at);
      if (hardcoded) {
        f.env.set(name, hardcoded);
        return;
      }
      const stored = value.taint ? { ...value, taint: withStep(value.taint, at, `assigned to ${name}`)! } : value;
      f.env.set(name, mayBeMinted(a, name, stored) && mintedIn(a, at.childForFieldName('right')) ? { ...stored, minted: true } : stored);
      return;
    }
    case 'attribute': {
      checkSigningKeyAssignment(a, target, at.childForFieldName('right'), value);
      const object = evaluate(a, { ...f, reporting: false }, target.childForFieldName('object'));
      const attr = target.childForFieldName('attribute')?.text;
      if (object.instance && attr) {
        value = hardcodedSecret(value, attr, at) ?? value;
        const kept = value.taint ? { ...value, taint: withStep(value.taint, at, `stored in self.${attr}`)! } : value;
        const stored = mayBeMinted(a, attr, kept) && mintedIn(a, at.childForFieldName('right')) ? { ...kept, minted: true } : kept;
        const old = object.instance.fields.get(attr);
        object.instance.fields.set(attr, old ? merge(old, stored) : stored);
        return;
      }
      storeInto(a, f, target.childForFieldName('object'), value);
      return;
    }
    case 'subscript': {
      checkSigningKeyAssignment(a, target, at.childForFieldName('right'), value);
      const objectNode = target.childForFieldName('value');
      const object = evaluate(a, { ...f, reporting: false }, objectNode);
      if (object.ref === 'environ') {
        if (value.taint) warnEnvironWrite(a, f, at, value.taint);
        // `os.environ["OPENAI_API_KEY"] = "EMPTY"` (a local server, a test): later reads get that text back.
        const keyNode = target.childForFieldName('subscript');
        const key = keyNode ? evaluate(a, { ...f, reporting: false }, keyNode) : undefined;
        if (key?.complete && key.str !== undefined) {
          const plain = !value.taint && value.complete === true && !hardcodedSecret(value, key.str, at);
          f.env.set(environSlot(key.str), plain ? value : OPAQUE);
        }
        return;
      }
      // `payload["api_key"] = key` on a dict literal: the other entries keep their own values.
      const keyNode = target.childForFieldName('subscript');
      const key = keyNode ? evaluate(a, { ...f, reporting: false }, keyNode) : undefined;
      if (object.keyed && key?.complete && key.str !== undefined && setKeyed(a, f, objectNode, object, key.str, value)) return;
      storeInto(a, f, objectNode, value);
      return;
    }
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'list_splat_pattern':
    case 'parenthesized_expression': {
      const targets = target.namedChildren;
      const pairwise = value.items?.length === targets.length && !targets.some((t) => t.type === 'list_splat_pattern');
      if (pairwise) {
        targets.forEach((child, i) => bind(a, f, child, value.items![i]!, at));
        return;
      }
      const part = join([value]);
      // `user, password = credentials.split(":")`: when the names say which parts are secret, the others are not.
      const secretParts = part.taint ? targets.filter((t) => t.type === 'identifier' && isSecretName(a, t.text)) : [];
      for (const child of targets) bind(a, f, child, secretParts.length > 0 && !secretParts.includes(child) ? OPAQUE : part, at);
      return;
    }
    default:
      return;
  }
}

/**
 * A literal the token detector recognises, assigned to a name, is a secret from then on: printing it leaks it
 * (the literal itself is reported by no-hardcoded-secret).
 */
export function hardcodedSecret(value: Value, name: string, at: SyntaxNode): Value | undefined {
  const text = value.complete ? value.str : undefined;
  if (text === undefined || text.length < 12 || text.length > 1_000 || /\s/.test(text)) return undefined;
  if (!classifyLiteral(text, { name })) return undefined;
  return { taint: sourceTaint(name, at, `hardcoded secret assigned to ${name}`) };
}

function raise(a: Analysis, f: Frame, s: SyntaxNode): void {
  const raised = s.namedChildren.find((c) => c !== s.childForFieldName('cause'));
  if (!raised) return;
  const value = evaluate(a, f, raised);
  const taint = value.taint ?? value.held;
  if (!taint) return;
  const callee = raised.type === 'call' ? dottedName(raised.childForFieldName('function')) : dottedName(raised);
  const sink = callee ? `raise ${lastName(callee)}` : 'raise';
  reportFlow(a, f, 'no-secret-in-error', s, taint, sink, `${sink}(…)`);
}

/** `if`/`elif`/`else`: each branch on its own copy of the variables, then the copies merged. */
function branches(a: Analysis, f: Frame, s: SyntaxNode): void {
  evaluate(a, f, s.childForFieldName('condition'));
  const bodies: Array<SyntaxNode | null> = [s.childForFieldName('consequence')];
  let hasElse = false;
  for (const clause of s.childrenForFieldName('alternative')) {
    if (clause.type === 'elif_clause') {
      evaluate(a, f, clause.childForFieldName('condition'));
      bodies.push(clause.childForFieldName('consequence'));
    } else {
      hasElse = true;
      bodies.push(clause.childForFieldName('body') ?? clause.namedChildren.find((c) => c.type === 'block') ?? null);
    }
  }
  alternatives(a, f, bodies, hasElse);
}

/** Runs each body on a fork of the variables and merges them; `exhaustive` when one body always runs. */
function alternatives(a: Analysis, f: Frame, bodies: Array<SyntaxNode | null | undefined>, exhaustive: boolean): void {
  const base = f.env;
  const forks: Env[] = [];
  for (const body of bodies) {
    if (!body) continue;
    f.env = base.fork();
    execBlock(a, f, body);
    forks.push(f.env);
  }
  if (!exhaustive || forks.length === 0) forks.push(base);
  const merged = new Map<string, Value>();
  for (const fork of forks) {
    for (const [name, value] of fork.vars) merged.set(name, merge(merged.get(name), value));
  }
  // The merged variables go back into the same scope object: the module's scope stays the one functions close
  // over (`key = os.environ[...]` after a module-level `if` is seen by the functions below).
  base.vars = merged;
  f.env = base;
}

function tryStatement(a: Analysis, f: Frame, s: SyntaxNode): void {
  const body = s.childForFieldName('body');
  const outer = f.requestTaint;
  f.requestTaint = undefined;
  if (body) execBlock(a, f, body);
  // A request whose URL carries a secret raises exceptions that print that URL.
  const request = f.requestTaint;
  f.requestTaint = outer ?? request;
  for (const clause of s.namedChildren) {
    if (clause.type === 'except_clause' || clause.type === 'except_group_clause') {
      const pattern = clause.namedChildren.find((c) => c.type === 'as_pattern');
      const alias = pattern?.childForFieldName('alias')?.namedChildren[0];
      if (alias) bindNames(f, alias, request ? { taint: withStep(request, clause, 'the exception repeats the request URL or command')! } : OPAQUE);
      const block = clause.namedChildren.find((c) => c.type === 'block');
      const outerCaught = f.caught;
      if (request) f.caught = withStep(request, clause, 'the exception repeats the request URL or command')!;
      try {
        if (block) execBlock(a, f, block);
      } finally {
        f.caught = outerCaught;
      }
    } else if (clause.type === 'else_clause' || clause.type === 'finally_clause') {
      const block = clause.namedChildren.find((c) => c.type === 'block');
      if (block) execBlock(a, f, block);
    }
  }
}

function withStatement(a: Analysis, f: Frame, s: SyntaxNode): void {
  const items = s.namedChildren.find((c) => c.type === 'with_clause')?.namedChildren ?? [];
  for (const item of items) {
    if (item.type !== 'with_item') continue;
    const value = item.childForFieldName('value');
    if (value?.type === 'as_pattern') {
      const bound = evaluate(a, f, value.namedChildren[0]);
      const alias = value.childForFieldName('alias')?.namedChildren[0];
      if (alias) bind(a, f, alias, bound, value);
    } else evaluate(a, f, value);
  }
  const body = s.childForFieldName('body');
  if (body) execBlock(a, f, body);
}

/**
 * Replaces one entry of a dict whose keys are known, held by a variable or by a field of `self`; false when the
 * holder is neither (the caller then stores into it as a whole).
 */
export function setKeyed(a: Analysis, f: Frame, holder: SyntaxNode | null, old: Value, key: string, entry: Value): boolean {
  if (!holder || !old.keyed) return false;
  const keyed = new Map(old.keyed).set(key, entry);
  const updated: Value = { ...container([...keyed.values()]), keyed };
  if (holder.type === 'identifier') {
    f.env.set(holder.text, updated);
    return true;
  }
  if (holder.type === 'attribute') {
    const owner = evaluate(a, { ...f, reporting: false }, holder.childForFieldName('object'));
    const attr = holder.childForFieldName('attribute')?.text;
    if (owner.instance && attr) {
      owner.instance.fields.set(attr, updated);
      return true;
    }
  }
  return false;
}

/** Where a value written to `os.environ[name]` is remembered among the variables (not a valid identifier). */
export function environSlot(name: string): string {
  return `os.environ[${name}]`;
}
