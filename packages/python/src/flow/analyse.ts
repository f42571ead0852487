import type { PyNode as SyntaxNode } from './tree.js';
import { analyseFunction } from './analyse-function.js';
import { type Analysis, type Frame, isSecretName } from './context.js';
import { Interest, carries } from './interest.js';
import { checkCogInputs, secretAnnotation } from './platform.js';
import { execBlock, hardcodedSecret } from './statements.js';
import { lastName, literalContent, normaliseAnnotation, parametersOf, unwrap } from './syntax.js';
import { type ClassInfo, type Taint, type Value, sourceTaint } from './values.js';

/** A method that may store on `self`: an assignment to a field, or a field's contents changed in place. */
const STORES_ON_SELF = /\bself\.[\w.]+(?:\[[^\]\n]*\])?\s*[-+|]?=(?!=)|\bself\.[\w.]+\.(?:update|append|extend|add|setdefault|insert|set)\(/;

/** Class passes that only learn what methods store on `self`, before the pass that reports. */
const LEARNING_PASSES = 1;

/** Analyses a parsed module: module code, then the functions and classes a secret can reach (fields first). */
export function analyseModule(a: Analysis, root: SyntaxNode, imports: readonly SyntaxNode[]): void {
  for (const node of imports) a.imports.add(node);
  index(a, root);
  const moduleFrame: Frame = { env: a.module, isAsync: false, returns: [], reporting: true, depth: 0, nested: [] };
  // Module code runs first so functions see the module's variables; functions are analysed below, not as nested.
  execBlock(a, moduleFrame, root);
  const interest = new Interest(a);
  const chosen = choose(a, interest);
  // A method that hands a key to a credential API may read it from `self` (`jwt.encode(p, self.signer)`): the
  // constructor that stores it is worth analysing too, whatever its words.
  for (const cls of a.classes.values()) {
    const init = cls.methods.get('__init__');
    if (init && !chosen.has(init) && [...cls.methods.values()].some((m) => chosen.has(m) && interest.callsCredentialApi(m))) chosen.add(init);
  }
  // What methods store on `self` decides what other methods read: learn it, then look for methods that now matter.
  for (const cls of a.classes.values()) learnFields(a, cls, chosen);
  for (const cls of a.classes.values()) for (const [field, value] of cls.fields) if (carries(value)) interest.add(field);
  const more = choose(a, interest, chosen);
  for (const cls of a.classes.values()) learnFields(a, cls, more);
  for (const fn of more) chosen.add(fn);
  a.inlined.clear();
  for (const [name, fn] of a.functions) {
    const entry = entryFunction(a, name);
    if (entry || takesCogInputs(a, fn)) checkCogInputs(a, parametersOf(fn), name);
    const route = a.routes.has(fn.id) ? { name, platform: 'web route' } : undefined;
    const output = entry ?? route;
    if (chosen.has(fn)) analyseFunction(a, fn, { closure: a.module, reporting: true, ...(output ? { entry: output } : {}) });
  }
  for (const cls of a.classes.values()) {
    for (const [name, method] of cls.methods) {
      const platform = cls.entryMethods.get(name);
      if (platform === 'Cog' || takesCogInputs(a, method)) checkCogInputs(a, parametersOf(method), name);
      if (chosen.has(method)) analyseFunction(a, method, { closure: a.module, reporting: true, ...(platform ? { entry: { name, platform } } : {}) });
    }
  }
}

/** A function of a module importing `cog` whose parameters are declared with `Input(...)`: Cog publishes them. */
function takesCogInputs(a: Analysis, fn: SyntaxNode): boolean {
  if (!a.imports.modules.has('cog')) return false;
  return parametersOf(fn).some((p) => p.defaultNode?.type === 'call' && /^(?:cog\.)?Input$/.test(p.defaultNode.childForFieldName('function')?.text ?? ''));
}

/**
 * A helper module imported by the analysed file: its module code runs without reporting (the module's own scan
 * reports it), so its variables and functions are known when a call crosses into it.
 */
export function analyseHelperModule(a: Analysis, root: SyntaxNode, imports: readonly SyntaxNode[]): void {
  for (const node of imports) a.imports.add(node);
  index(a, root);
  execBlock(a, { env: a.module, isAsync: false, returns: [], reporting: false, depth: 0, nested: [] }, root);
}

/** The functions and methods worth analysing (see `Interest.choose`). */
function choose(a: Analysis, interest: Interest, already: ReadonlySet<SyntaxNode> = new Set()): Set<SyntaxNode> {
  const candidates: Array<[string, SyntaxNode]> = [...a.functions];
  for (const cls of a.classes.values()) candidates.push(...cls.methods);
  return interest.choose(candidates, already);
}

function learnFields(a: Analysis, cls: ClassInfo, chosen: ReadonlySet<SyntaxNode>): void {
  for (let pass = 0; pass < LEARNING_PASSES; pass++) {
    for (const method of cls.methods.values()) {
      if (chosen.has(method) && STORES_ON_SELF.test(method.text)) analyseFunction(a, method, { closure: a.module, reporting: false });
    }
  }
}

/** Module-level functions, classes and imports (also those under `if`/`try` at module level). */
function index(a: Analysis, root: SyntaxNode): void {
  const visit = (container: SyntaxNode): void => {
    for (const child of container.namedChildren) {
      const node = unwrap(child);
      if (node.type === 'function_definition') {
        const name = node.childForFieldName('name')?.text;
        if (name) a.functions.set(name, node);
        if (child.type === 'decorated_definition' && isRoute(a, child)) a.routes.add(node.id);
      } else if (node.type === 'class_definition') indexClass(a, node, child);
      else if (node.type === 'if_statement' || node.type === 'try_statement' || node.type === 'block' || node.type.endsWith('_clause')) visit(node);
    }
  };
  visit(root);
  inherit(a);
  for (const cls of a.classes.values()) findEntryMethods(a, cls);
}

/**
 * A subclass of a class of this file sees its base's methods and shares its fields (`self.token` set in the
 * base's `setup` and read in the subclass's `predict`); entry points are the subclass's own.
 */
function inherit(a: Analysis): void {
  for (let round = 0; round < 3; round++) {
    for (const cls of a.classes.values()) {
      for (const baseName of cls.bases) {
        const base = a.classes.get(baseName);
        if (!base || base === cls) continue;
        for (const [name, method] of base.methods) if (!cls.methods.has(name)) cls.methods.set(name, method);
        for (const inherited of base.bases) if (!cls.bases.includes(inherited)) cls.bases.push(inherited);
        for (const [name, value] of cls.fields) base.fields.set(name, value);
        cls.fields = base.fields;
      }
    }
  }
}

function indexClass(a: Analysis, node: SyntaxNode, wrapper: SyntaxNode): void {
  const name = node.childForFieldName('name')?.text;
  if (!name) return;
  const bases = (node.childForFieldName('superclasses')?.namedChildren ?? [])
    .filter((b) => b.type === 'identifier' || b.type === 'attribute')
    .map((b) => lastName(a.imports.canonical(b.text)));
  const cls: ClassInfo = { node, name, bases, methods: new Map(), fields: new Map(), entryMethods: new Map() };
  for (const member of node.childForFieldName('body')?.namedChildren ?? []) {
    const fn = unwrap(member);
    if (fn.type !== 'function_definition') continue;
    const methodName = fn.childForFieldName('name')?.text;
    if (!methodName) continue;
    cls.methods.set(methodName, fn);
    a.methodOwner.set(fn.id, cls);
    if (member.type === 'decorated_definition' && member.namedChildren.some((d) => d.type === 'decorator' && /\bstaticmethod\b/.test(d.text))) a.staticMethods.add(fn.id);
  }
  classConstants(a, node, cls);
  const printed = printedSecretField(a, node, wrapper, bases);
  if (printed) cls.printsSecret = printed;
  a.classes.set(name, cls);
}

/**
 * `ACCESS_KEY = "AWS_ACCESS_KEY_ID"` in a class body: `self.ACCESS_KEY` is that text (the name of a variable, not
 * a credential) unless the literal is a credential itself. Annotated fields (dataclass, pydantic) are left to
 * what the constructor is given.
 */
function classConstants(a: Analysis, node: SyntaxNode, cls: ClassInfo): void {
  for (const statement of node.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const type = assignment.childForFieldName('type');
    if (type) {
      // `openai_api_key: SecretStr` (pydantic settings): the member is a Secret object, masked when printed.
      const kind = secretAnnotation(a, type.text);
      if (left?.type === 'identifier' && (kind === 'Secret' || kind === 'Optional[Secret]')) {
        cls.fields.set(left.text, { secretObject: sourceTaint(`${cls.name}.${left.text}`, left, `Secret field ${left.text}`) });
      }
      continue;
    }
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || right?.type !== 'string' || right.namedChildren.some((c) => c.type === 'interpolation')) continue;
    const value: Value = { str: literalContent(right.text), complete: true, literal: right };
    cls.fields.set(left.text, hardcodedSecret(value, left.text, assignment) ?? value);
  }
}

function findEntryMethods(a: Analysis, cls: ClassInfo): void {
  for (const entry of a.tables.catalog.sinks.output.entryClasses) {
    const matches = entry.bases?.some((b) => cls.bases.includes(b)) || entry.names?.includes(cls.name);
    if (!matches) continue;
    for (const method of entry.methods) if (cls.methods.has(method)) cls.entryMethods.set(method, entry.platform);
  }
}

/** Bases and decorators whose classes print every field in their repr. */
const DATA_CLASS_BASES = new Set(['BaseModel', 'BaseSettings', 'NamedTuple', 'BaseAppInput', 'BaseAppOutput']);

/**
 * `@dataclass class Config: hf_token: str = ...`: printing an instance prints the field. A field typed as a
 * Secret type (pydantic `SecretStr`) prints masked, so it does not count.
 */
function printedSecretField(a: Analysis, node: SyntaxNode, wrapper: SyntaxNode, bases: string[]): Taint | undefined {
  const dataclass = wrapper.type === 'decorated_definition' && wrapper.namedChildren.some((d) => d.type === 'decorator' && /\bdataclass\b/.test(d.text));
  if (!dataclass && !bases.some((b) => DATA_CLASS_BASES.has(b))) return undefined;
  for (const statement of node.childForFieldName('body')?.namedChildren ?? []) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const name = assignment.childForFieldName('left');
    const type = assignment.childForFieldName('type');
    if (name?.type !== 'identifier' || !type || a.tables.secretTypes.has(normaliseAnnotation(type.text).replace(/^Optional\[(\w+)\]$/, '$1'))) continue;
    // `field(default=None, repr=False)`, `Field(repr=False)`: left out of the printed form.
    const value = assignment.childForFieldName('right');
    if (value?.type === 'call' && /(?:^|\.)(?:field|Field)$/.test(value.childForFieldName('function')?.text ?? '') && /\brepr\s*=\s*False\b/.test(value.childForFieldName('arguments')?.text ?? '')) continue;
    if (isSecretName(a, name.text)) return sourceTaint(`${node.childForFieldName('name')?.text ?? 'the class'}.${name.text}`, name, `${name.text} is a field shown when the object is printed`);
  }
  return undefined;
}

/** `@app.get("/x")`, `@router.post(...)`, `@app.route(...)`: the function answers web requests. */
function isRoute(a: Analysis, decorated: SyntaxNode): boolean {
  return decorated.namedChildren.some((d) => {
    if (d.type !== 'decorator') return false;
    const method = /^@\s*[A-Za-z_][\w.]*\.([A-Za-z_]\w*)\s*\(/.exec(d.text)?.[1];
    return method !== undefined && a.tables.routeDecoratorMethods.has(method);
  });
}

function entryFunction(a: Analysis, name: string): { name: string; platform: string } | undefined {
  for (const entry of a.tables.catalog.sinks.output.entryFunctions) {
    if (entry.names.includes(name) && entry.modules.some((m) => a.imports.modules.has(m))) return { name, platform: entry.platform };
  }
  return undefined;
}
