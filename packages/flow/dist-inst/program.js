import { Engine } from './engine.js';
import { flowTables } from './tables.js';
import { Scope, join, withStep } from './value.js';
import { drainDeferred, walkSourceFile } from './walker.js';
/**
 * The module scope of a program file. Import handling may replace an imported binding's value by what its name
 * suggests (an ambiguous `auth` becomes a candidate); a binding imported from the program keeps the value the
 * analysis of its module found, joined with that.
 */
class ModuleScope extends Scope {
    importKinds;
    imported;
    constructor(importKinds) {
        super(undefined, undefined);
        this.importKinds = importKinds;
    }
    declare(binding) {
        const imported = this.imported;
        this.imported = undefined;
        if (imported && this.isImportName(binding)) {
            const decl = binding.decl;
            const arrived = decl ? withImportStep(imported, { start: decl.getStart(), end: decl.getEnd(), note: `imported as \`${binding.name}\`` }) : imported;
            binding.value = binding.value === imported ? arrived : join(arrived, binding.value);
        }
        return super.declare(binding);
    }
    isImportName(binding) {
        const parent = binding.decl?.parent;
        return parent === undefined || this.importKinds.has(parent.kind);
    }
}
/** An engine whose imports of program modules resolve to what the analysis of those modules found. */
class ProgramEngine extends Engine {
    resolveImport;
    moduleScope;
    constructor(input, resolveImport) {
        super(input);
        this.resolveImport = resolveImport;
        const k = input.ts.SyntaxKind;
        this.moduleScope = new ModuleScope(new Set([k.ImportSpecifier, k.ImportClause, k.NamespaceImport]));
        this.scope = this.moduleScope;
        this.frame.varScope = this.moduleScope;
    }
    /**
     * A parameter stored in a field (`this.auth = auth` in a constructor) and sunk by a method analysed later: the
     * sink belongs to the finished function's summary, so `new Client(secret)` reports the method's sink.
     */
    summaryOf(fn) {
        const running = super.summaryOf(fn);
        if (running || fn.state !== 'done' || fn.node.getSourceFile() !== this.sf)
            return running;
        return fn.summary;
    }
    /** `constructor(private readonly auth: string)`: `this.auth` in a method is that constructor parameter. */
    member(object, key, nameNode, dotted) {
        const value = super.member(object, key, nameNode, dotted);
        const cls = object.cls;
        if (!cls || cls.fields.has(key))
            return value;
        const ctor = cls.methods.get('constructor');
        const index = ctor ? ctor.node.parameters.findIndex((p) => isParameterProperty(this.ts, p, key)) : -1;
        if (!ctor || index < 0)
            return value;
        const name = ctor.node.parameters[index].name;
        const step = { start: name.getStart(this.sf), end: name.getEnd(), note: `parameter \`${key}\` of ${ctor.name}, kept in this.${key}` };
        return join(value, { taints: [{ origin: { kind: 'param', index, fn: ctor }, path: [step] }] });
    }
    moduleValue(module, name) {
        const imported = this.resolveImport?.(module, name);
        this.moduleScope.imported = imported;
        if (!imported)
            return super.moduleValue(module, name);
        // A whole-module import (`* as`, default) without a kind of its own is marked as a module, which import
        // handling keeps as it is (instead of replacing it with an opaque module value).
        return imported.kind || (name !== '*' && name !== 'default') ? imported : { ...imported, kind: 'module', module };
    }
}
/**
 * One file of a whole program: the same walk as `analyzeFile`, plus imported bindings resolved across files and
 * every location stamped with `fileName`, so that summaries and values can travel to other files.
 */
export function analyzeProgramFile(ts, sourceFile, options = {}) {
    const engine = new ProgramEngine({
        ts,
        sourceFile,
        tables: flowTables(options),
        ...(options.checker ? { checker: options.checker } : {}),
        ...(options.resolveCallee ? { resolveCallee: options.resolveCallee } : {}),
    }, options.resolveImport);
    walkSourceFile(engine);
    for (const [node, summary] of engine.summaries)
        spreadRestParameter(ts, node, summary);
    const stamp = new Stamper(sourceFile.fileName);
    for (const summary of engine.summaries.values())
        stamp.summary(summary);
    const results = engine.results.list();
    for (const r of results)
        stamp.path(r.path);
    const moduleScope = engine.scope;
    const valueOf = (declaration) => {
        const value = declaredValue(engine, moduleScope, declaration);
        if (!value)
            return undefined;
        stamp.value(value);
        return forImporters(value);
    };
    return { results, summaries: engine.summaries, valueOf };
}
function declaredValue(engine, moduleScope, declaration) {
    const ts = engine.ts;
    const named = (name) => (name && ts.isIdentifier(name) ? moduleScope.lookup(name.text)?.value : undefined);
    if (ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration))
        return named(declaration.name);
    if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration))
        return named(declaration.name);
    // `export default x`; CommonJS `module.exports = x`, `exports.name = x` (the checker declares the assignment
    // or its target).
    let exported;
    if (ts.isExportAssignment(declaration))
        exported = declaration.expression;
    else if (ts.isBinaryExpression(declaration))
        exported = declaration.right;
    else if (ts.isPropertyAccessExpression(declaration) && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration)
        exported = declaration.parent.right;
    if (!exported)
        return undefined;
    const expression = engine.syntax.unwrap(exported);
    if (ts.isIdentifier(expression))
        return named(expression);
    // Evaluated once more at module level: its sinks were reported by the walk (results keep one per span).
    const saved = engine.scope;
    engine.scope = moduleScope;
    const value = engine.evaluate(exported);
    drainDeferred(engine);
    engine.scope = saved;
    return value;
}
/** Gives every location the engine created for this file its file name (locations from other files have theirs). */
class Stamper {
    fileName;
    seen = new Set();
    constructor(fileName) {
        this.fileName = fileName;
    }
    path(path) {
        for (const step of path)
            if (step.fileName === undefined)
                step.fileName = this.fileName;
    }
    summary(summary) {
        if (this.seen.has(summary))
            return;
        this.seen.add(summary);
        for (const s of summary.paramSinks) {
            if (s.fileName === undefined)
                s.fileName = this.fileName;
            this.path(s.path);
        }
        for (const r of summary.paramReturns)
            this.path(r.path);
        for (const r of summary.returnSources)
            this.path(r.path);
        for (const c of summary.paramCalls ?? [])
            this.path(c.path);
        if (summary.returnText)
            summary.returnText.fileName ??= this.fileName;
    }
    value(value, depth = 0) {
        if (this.seen.has(value) || depth > 6)
            return;
        this.seen.add(value);
        for (const t of value.taints ?? [])
            this.path(t.path);
        for (const p of value.props?.values() ?? [])
            this.value(p, depth + 1);
        if (value.fn?.summary)
            this.summary(value.fn.summary);
        if (value.cls)
            this.classInfo(value.cls, depth);
    }
    classInfo(cls, depth) {
        if (this.seen.has(cls))
            return;
        this.seen.add(cls);
        for (const field of cls.fields.values())
            this.value(field, depth + 1);
        for (const method of cls.methods.values())
            if (method.summary)
                this.summary(method.summary);
    }
}
/** `import * as config from './config'`: an object whose members are the module's exports. */
export function namespaceValue(members) {
    const props = new Map();
    for (const [name, value] of members)
        props.set(name, value);
    return { props };
}
/** A short text that changes when what importers can learn from the value changes (fixpoint detection). */
export function describeModuleValue(value) {
    return describe(value, 0);
}
function describe(v, depth) {
    // Classes may hold instances of themselves: the description stops at a fixed depth.
    if (depth > 3)
        return '';
    const parts = [];
    if (v.kind)
        parts.push(v.kind);
    if (v.safe)
        parts.push('safe');
    for (const t of v.taints ?? [])
        if (t.origin.kind === 'source')
            parts.push(`<${t.origin.label}>`);
    if (v.fn?.summary)
        parts.push(`fn(${describeSummary(v.fn.summary)})`);
    if (v.cls)
        parts.push(`class ${v.cls.name}(${[...v.cls.fields].map(([k, f]) => `${k}=${describe(f, depth + 1)}`).join(',')})`);
    if (v.props)
        parts.push(`{${[...v.props].map(([k, p]) => `${k}:${describe(p, depth + 1)}`).join(',')}}`);
    return parts.join(' ');
}
/** The facts of a summary that callers use, without its paths. */
export function describeSummary(s) {
    const sinks = s.paramSinks.map((p) => `${p.param}>${p.ruleId}@${p.fileName ?? ''}:${p.start}`);
    const returns = s.paramReturns.map((p) => `${p.param}>return`);
    const sources = s.returnSources.map((r) => `<${r.label}>`);
    const callbacks = (s.paramCalls ?? []).map((c) => `${c.param}(${c.arg}<${c.source?.label ?? c.from?.param}>)`);
    return [...sinks, ...returns, ...sources, ...callbacks, s.returnKind ?? ''].join(';');
}
/** Arguments a rest parameter may collect, beyond its own position, that callers in other files are checked for. */
const REST_ARGUMENTS = 8;
/** `function log(...args) { console.log(...args) }`: every argument from the rest position on reaches the sink. */
function spreadRestParameter(ts, node, summary) {
    const parameters = node.parameters;
    const rest = parameters?.length ? parameters.length - 1 : -1;
    if (rest < 0 || !parameters[rest].dotDotDotToken || ts.isIdentifier(parameters[rest].name) === false)
        return;
    const sinks = summary.paramSinks.filter((s) => s.param === rest);
    const returns = summary.paramReturns.filter((r) => r.param === rest);
    for (let extra = 1; extra <= REST_ARGUMENTS; extra++) {
        for (const s of sinks)
            summary.paramSinks.push({ ...s, param: rest + extra });
        for (const r of returns)
            summary.paramReturns.push({ ...r, param: rest + extra });
    }
}
function isParameterProperty(ts, parameter, name) {
    return ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.isParameterPropertyDeclaration(parameter, parameter.parent);
}
/** The imported value with the import on the path of each secret it carries (members included, a few levels). */
function withImportStep(value, step, depth = 0) {
    const stepped = withStep(value, step);
    if (!value.props || depth >= 3)
        return stepped;
    const props = new Map();
    for (const [key, member] of value.props)
        props.set(key, withImportStep(member, step, depth + 1));
    return { ...stepped, props };
}
const importedClasses = new WeakMap();
/**
 * A module's value as other files see it. Their engines must not re-walk this file's methods (positions are
 * read in the file being analysed), so an imported class does not re-analyse its methods per construction:
 * what its constructor parameters reach comes through the constructor's summary instead.
 */
function forImporters(value, depth = 0) {
    let out = value;
    if (value.cls) {
        let imported = importedClasses.get(value.cls);
        if (!imported) {
            imported = { ...value.cls };
            imported.fieldsFromParams = new Map();
            importedClasses.set(value.cls, imported);
        }
        out = { ...out, cls: imported };
    }
    if (value.props && depth < 3) {
        const props = new Map();
        for (const [key, member] of value.props)
            props.set(key, forImporters(member, depth + 1));
        out = { ...out, props };
    }
    return out;
}
