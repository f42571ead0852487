import { defaultUrlClassifier } from '@secret-hygiene/core';
import { NameJudge } from './names.js';
import { ResultSet, flowMessage, severityOf, sinkStep } from './report.js';
import { emptySummary } from './summary.js';
import { Syntax } from './syntax.js';
import { TypeFacts } from './typefacts.js';
import { kindsOf } from './kinds.js';
import { applySummary } from './calls.js';
import { assignTo, evaluate, memberOf } from './evaluate.js';
import { moduleValue } from './modules.js';
import { analyzeFunction } from './functions.js';
import { noteSummaryUse } from './classes.js';
import { notCredential } from './ambiguous.js';
import { squash } from './tables.js';
import { CLEAN, Scope, NodeStep, appendStep, materialize, deepTaints, shownTaints, isTainted, join, } from './value.js';
/**
 * State shared by the statement walker (walker.ts), the expression evaluator (evaluate.ts) and the call
 * rules (calls.ts): scopes, the current function, results, summaries and the catalog tables.
 */
function sameAccess(a, b) {
    return (a ?? []).join('.') === (b ?? []).join('.');
}
const judges = new WeakMap();
/** One name judge per option set, so its memos outlive a single file. */
export function judgeFor(tables) {
    let judge = judges.get(tables);
    if (!judge) {
        judge = new NameJudge(tables);
        judges.set(tables, judge);
    }
    return judge;
}
const syntaxKinds = new WeakMap();
function cachedKinds(ts) {
    let kinds = syntaxKinds.get(ts);
    if (!kinds) {
        kinds = kindsOf(ts);
        syntaxKinds.set(ts, kinds);
    }
    return kinds;
}
export class Engine {
    ts;
    SK;
    sf;
    syntax;
    tables;
    names;
    urls = defaultUrlClassifier();
    types;
    resolveCallee;
    results = new ResultSet();
    /** Results that wait for evidence that an ambiguous `token` is a credential. */
    pending = new Map();
    summaries = new Map();
    scope;
    frame;
    /** > 0 inside a branch or loop: assignments there join instead of replacing. */
    conditional = 0;
    /** Current nesting of evaluated expressions and statements (bounded, see evaluate.ts). */
    depth = 0;
    /** Per enclosing `try` block: what the requests made in it carried, which their errors keep (see walker.ts). */
    tryRequests = [];
    constructor(input) {
        this.ts = input.ts;
        this.SK = cachedKinds(input.ts);
        this.sf = input.sourceFile;
        this.syntax = new Syntax(input.ts);
        this.tables = input.tables;
        this.names = judgeFor(input.tables);
        this.types = input.checker ? new TypeFacts(input.ts, input.checker, input.tables) : undefined;
        this.resolveCallee = input.resolveCallee;
        this.scope = new Scope(undefined, undefined);
        this.frame = { info: undefined, summary: undefined, returned: CLEAN, deferred: [], varScope: this.scope, thisClass: undefined, resolved: [], parent: undefined };
    }
    /** A path step at `node`; `note` may be a function so hot code builds no strings for unreported paths. */
    loc(node, note) {
        return new NodeStep(node, this.sf, note);
    }
    text(node) {
        return node.getText(this.sf);
    }
    /** Reports `value` reaching a sink: emits results for real sources, records parameter flows in the summary. */
    sink(ruleId, node, value, sinkLabel, fix) {
        const taints = Array.isArray(value) ? value : value ? shownTaints(value) : undefined;
        if (!taints || taints.length === 0)
            return;
        const start = node.getStart(this.sf);
        const end = node.getEnd();
        const step = sinkStep(ruleId, start, end);
        for (const t of taints) {
            const origin = t.origin;
            if (origin.kind === 'param') {
                const summary = this.summaryOf(origin.fn);
                if (summary && !summary.paramSinks.some((s) => s.param === origin.index && s.start === start && s.ruleId === ruleId && sameAccess(s.access, origin.access))) {
                    summary.paramSinks.push({ param: origin.index, ...(origin.access ? { access: origin.access } : {}), ruleId, start, end, sinkLabel, path: materialize(appendStep(t.path, step)), ...(fix ? { fix } : {}) });
                }
                continue;
            }
            const result = {
                ruleId,
                severity: severityOf(ruleId, true),
                message: flowMessage(ruleId, origin.label, sinkLabel),
                start,
                end,
                path: materialize(appendStep(t.path, step)),
                ...(fix ? { fix } : {}),
            };
            if (origin.kind === 'candidate' && !origin.binding.confirmed) {
                const list = this.pending.get(origin.binding) ?? [];
                list.push(result);
                this.pending.set(origin.binding, list);
            }
            else
                this.results.add(result);
        }
    }
    /** A parameter-to-sink flow of a callee, now fed by the taints of an argument at a call site. */
    sinkThroughCall(paramSink, argTaints, callStep) {
        for (const t of argTaints) {
            const origin = t.origin;
            const path = [...materialize(appendStep(t.path, callStep)), ...paramSink.path];
            if (origin.kind === 'param') {
                const summary = this.summaryOf(origin.fn);
                if (summary && !summary.paramSinks.some((s) => s.param === origin.index && s.start === paramSink.start && s.ruleId === paramSink.ruleId && sameAccess(s.access, origin.access))) {
                    const { access: _calleeAccess, ...rest } = paramSink;
                    summary.paramSinks.push({ ...rest, param: origin.index, ...(origin.access ? { access: origin.access } : {}), path });
                }
                continue;
            }
            const result = {
                ruleId: paramSink.ruleId,
                severity: severityOf(paramSink.ruleId, true),
                message: flowMessage(paramSink.ruleId, origin.label, paramSink.sinkLabel),
                start: paramSink.start,
                end: paramSink.end,
                path,
                ...(paramSink.fix ? { fix: paramSink.fix } : {}),
                ...(paramSink.fileName ? { fileName: paramSink.fileName } : {}),
            };
            if (origin.kind === 'candidate' && !origin.binding.confirmed) {
                const list = this.pending.get(origin.binding) ?? [];
                list.push(result);
                this.pending.set(origin.binding, list);
            }
            else
                this.results.add(result);
        }
    }
    /** The file showed that an ambiguous binding holds a credential: its waiting results are real. */
    confirm(value) {
        for (const t of deepTaints(value) ?? []) {
            if (t.origin.kind !== 'candidate' || t.origin.binding.confirmed)
                continue;
            t.origin.binding.confirmed = true;
            for (const r of this.pending.get(t.origin.binding) ?? [])
                this.results.add(r);
            this.pending.delete(t.origin.binding);
        }
    }
    /**
     * End of the file: a bare `token` that reached a log or an error is a credential unless the file showed it is a
     * lexer token or a pagination cursor (flows.yaml `ambiguousNames`); on other rules it still needs evidence.
     */
    finish() {
        const { reportedRules: reported, reportedNames } = this.tables.ambiguous;
        for (const [binding, results] of this.pending) {
            if (binding.confirmed || !reportedNames.has(squash(binding.name)) || !results.some((r) => reported.has(r.ruleId)))
                continue;
            if (notCredential(this, binding.decl))
                continue;
            for (const r of results)
                if (reported.has(r.ruleId))
                    this.results.add(r);
        }
        this.pending.clear();
    }
    /** Assigns to a binding: replaces in straight-line code of its own function, joins in branches and closures. */
    assign(binding, value) {
        const strong = this.conditional === 0 && binding.owner === this.frame.info;
        binding.value = strong ? value : join(binding.value, value);
    }
    /** The summary under construction for a function still being analysed (its own frame or an enclosing one). */
    summaryOf(fn) {
        for (let f = this.frame; f; f = f.parent)
            if (f.info === fn)
                return f.summary;
        return undefined;
    }
    newSummary() {
        return emptySummary();
    }
    evaluate(node) {
        return evaluate(this, node);
    }
    member(object, key, nameNode, dotted) {
        return memberOf(this, object, key, nameNode, dotted);
    }
    assignTo(target, value, compound = false) {
        if (this.ts.isVariableDeclarationList(target))
            return;
        assignTo(this, target, value, compound);
    }
    moduleValue(module, name) {
        return moduleValue(this.tables, module, name);
    }
    /** The result of calling a function of this file with no arguments (getters). */
    callSummary(info, args, node) {
        noteSummaryUse(this, info);
        if (info.state === 'new')
            analyzeFunction(this, info);
        return info.summary ? applySummary(this, info.summary, { node: node, args }, info.name) : CLEAN;
    }
    /** `Error`, `TypeError`, `HttpError`, `AuthException`: an error class by name (typed mode checks heritage too). */
    isErrorName(name) {
        return this.tables.errorConstructors.has(name) || this.tables.errorSuffixes.some((s) => name.endsWith(s) && name.length > s.length && /^[A-Z]/.test(name));
    }
    /** `Error('x')` / `HttpError(…)` called without `new` still builds an error. */
    isErrorConstructorCall(call, dotted) {
        const name = dotted ?? this.syntax.dotted(call.expression);
        if (name === undefined)
            return false;
        const last = name.slice(name.lastIndexOf('.') + 1);
        if (!this.isErrorName(last))
            return false;
        const local = this.scope.lookup(name)?.value;
        if (local?.fn)
            return false;
        if (local?.cls)
            return local.cls.isError;
        return this.types?.isErrorInstance(call) !== false;
    }
    isEntryPointName(name, isMethod) {
        if (!this.tables.entryPoints.has(name))
            return false;
        return !this.tables.methodOrExportedEntryPoints.has(name) || isMethod;
    }
    isTainted(v) {
        return isTainted(v) || (v.props !== undefined && (deepTaints(v)?.length ?? 0) > 0);
    }
}
