const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;
function isWordAt(text, start, end) {
    return (start === 0 || !IDENTIFIER_PART.test(text[start - 1])) && (end >= text.length || !IDENTIFIER_PART.test(text[end]));
}
/**
 * Where in a file something that can start or carry a secret is written: a secret-looking name, `env`, a
 * plain-HTTP URL, a token-shaped literal, and later the names of module variables, fields and functions found to
 * carry one. A function whose text holds none of them cannot report on its own; it is analysed only when a call
 * hands it something (calls analyse their callee on demand).
 */
export class Focus {
    text;
    marks = [];
    sorted = true;
    marked = new Set();
    constructor(text) {
        this.text = text;
    }
    /** Marks every place `name` is written as a whole word. Returns whether there was one. */
    markName(name) {
        if (this.marked.has(name))
            return false;
        this.marked.add(name);
        const text = this.text;
        let found = false;
        for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
            if (!isWordAt(text, at, at + name.length))
                continue;
            this.marks.push(at);
            found = true;
        }
        if (found)
            this.sorted = false;
        return found;
    }
    /** Marks every match of a global regex. */
    markPattern(pattern) {
        pattern.lastIndex = 0;
        for (const match of this.text.matchAll(pattern))
            this.marks.push(match.index);
        this.sorted = false;
    }
    markAt(offset) {
        this.marks.push(offset);
        this.sorted = false;
    }
    /** Whether something of interest is written inside `node` (after its own name: `get apiKey()` names itself). */
    mentions(node) {
        if (!this.sorted) {
            this.marks.sort((a, b) => a - b);
            this.sorted = true;
        }
        const marks = this.marks;
        const start = node.pos;
        let lo = 0;
        let hi = marks.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (marks[mid] < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo < marks.length && marks[lo] < node.end;
    }
}
