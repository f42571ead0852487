import type * as TS from 'typescript';
/**
 * Where in a file something that can start or carry a secret is written: a secret-looking name, `env`, a
 * plain-HTTP URL, a token-shaped literal, and later the names of module variables, fields and functions found to
 * carry one. A function whose text holds none of them cannot report on its own; it is analysed only when a call
 * hands it something (calls analyse their callee on demand).
 */
export declare class Focus {
    private readonly text;
    private marks;
    private sorted;
    private readonly marked;
    constructor(text: string);
    /** Marks every place `name` is written as a whole word. Returns whether there was one. */
    markName(name: string): boolean;
    /** Marks every match of a global regex. */
    markPattern(pattern: RegExp): void;
    markAt(offset: number): void;
    /** Whether something of interest is written inside `node` (after its own name: `get apiKey()` names itself). */
    mentions(node: TS.Node): boolean;
}
