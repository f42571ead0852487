import { classifyLiteral, ownCopy } from '@secret-hygiene/core';
/** Token-shaped text: long, no spaces, letters and digits. Most literals of code fail this and cost nothing more. */
const TOKEN_SHAPED = /^[A-Za-z0-9_\-+/=.:]{16,512}$/;
const memo = new Map();
/**
 * The detector that recognises a literal as a credential (`github-pat-classic`), via the token catalog; a hardcoded
 * token is a source like any other. Never returns the literal itself.
 */
export function hardcodedDetector(text) {
    if (!TOKEN_SHAPED.test(text) || !/\d/.test(text) || !/[A-Za-z]/.test(text) || text.startsWith('/') || text.startsWith('http'))
        return undefined;
    let detector = memo.get(text);
    if (detector === undefined) {
        // Only confident formats: a low-confidence match is no reason to report where the value goes.
        const match = classifyLiteral(text);
        detector = match && match.severity === 'error' ? match.detector : null;
        if (memo.size > 10_000)
            memo.clear();
        memo.set(ownCopy(text), detector);
    }
    return detector ?? undefined;
}
