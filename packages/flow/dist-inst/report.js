/** How each rule words the end of a flow. */
const SINK_PHRASE = {
    'no-secret-in-log': (sink) => `is logged by ${sink}`,
    'no-secret-in-error': (sink) => `flows into an error message (${sink})`,
    'no-secret-in-output': (sink) => `is returned to the caller (${sink})`,
    'require-https': (sink) => `is sent over plain HTTP (${sink})`,
};
const SINK_NOTE = {
    'no-secret-in-log': 'logged here',
    'no-secret-in-error': 'becomes part of an error here',
    'no-secret-in-output': 'returned to the caller here',
    'require-https': 'sent over plain HTTP here',
};
/** A name safe to print: identifiers, dotted paths and env names only, never a literal's text. */
export function safeLabel(label) {
    const short = label.length > 60 ? `${label.slice(0, 57)}...` : label;
    return /^[A-Za-z_$@/][\w$.@/\-[\]()… ]*$/.test(short) && !/[A-Za-z0-9]{33,}/.test(short) ? short : 'a secret';
}
export function flowMessage(ruleId, sourceLabel, sinkLabel) {
    return `The secret from ${safeLabel(sourceLabel)} ${SINK_PHRASE[ruleId](sinkLabel)}.`;
}
export function sinkStep(ruleId, start, end, fileName) {
    return { start, end, note: SINK_NOTE[ruleId], ...(fileName ? { fileName } : {}) };
}
export function severityOf(ruleId, carriesSecret) {
    return ruleId === 'require-https' && !carriesSecret ? 'warning' : 'error';
}
/** Keeps one result per rule and sink span; a secret-carrying (error) result replaces a plain warning. */
export class ResultSet {
    byKey = new Map();
    add(result) {
        const key = `${result.ruleId}:${result.start}:${result.end}`;
        const existing = this.byKey.get(key);
        if (!existing || (existing.severity === 'warning' && result.severity === 'error'))
            this.byKey.set(key, result);
    }
    list() {
        return [...this.byKey.values()].sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
    }
}
