const IDENTIFIER_PART = /[\p{ID_Continue}$\u200c\u200d]/u;
function isWordAt(text, start, end) {
    return (start === 0 || !IDENTIFIER_PART.test(text[start - 1])) && (end >= text.length || !IDENTIFIER_PART.test(text[end]));
}
/** The innermost node written at `at` (not in the trivia before it), or undefined in a comment or whitespace. */
function nodeAt(ts, sf, at) {
    let node = sf;
    for (;;) {
        const child = ts.forEachChild(node, (c) => (c.pos <= at && at < c.end ? c : undefined));
        if (!child)
            break;
        node = child;
    }
    return node !== sf && node.getStart(sf) <= at ? node : undefined;
}
/** Inside a type, an interface, a type alias or an import/export clause: nowhere a value is read or stored. */
function inTypeOrModuleClause(ts, node) {
    for (let n = node; n && !ts.isSourceFile(n) && !ts.isBlock(n); n = n.parent) {
        if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n))
            return true;
        if (ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n))
            return true;
        if (ts.isHeritageClause(n))
            return n.token === ts.SyntaxKind.ImplementsKeyword;
    }
    return false;
}
/**
 * Answers per file: a linter's prefilters (one per rule) ask about the same few names of the file. The file is
 * the key, so the answers go with it, and a name (a slice of the file's text) keeps nothing else alive.
 */
const answersByFile = new WeakMap();
/**
 * Whether `name` is written somewhere a value can carry it: not only in types (`interface Options { apiKey?:
 * string }`), interfaces, type aliases, import/export clauses or comments. A name never found as written (a
 * unicode escape spells it) counts as a value.
 */
export function writtenAsValue(ts, sf, name) {
    let answers = answersByFile.get(sf);
    if (!answers) {
        answers = new Map();
        answersByFile.set(sf, answers);
    }
    let answer = answers.get(name);
    if (answer === undefined) {
        answer = findWrittenAsValue(ts, sf, name);
        answers.set(name, answer);
    }
    return answer;
}
function findWrittenAsValue(ts, sf, name) {
    const text = sf.text;
    let written = false;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
        if (!isWordAt(text, at, at + name.length))
            continue;
        written = true;
        const node = nodeAt(ts, sf, at);
        if (node && !inTypeOrModuleClause(ts, node))
            return true;
    }
    return !written;
}
