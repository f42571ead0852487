/**
 * The detector that recognises a literal as a credential (`github-pat-classic`), via the token catalog; a hardcoded
 * token is a source like any other. Never returns the literal itself.
 */
export declare function hardcodedDetector(text: string): string | undefined;
