import { type Finding } from '@secret-hygiene/core';
import type { FlowOptions } from './types.js';
/** For the CLI: parses with the `typescript` package and maps results to core `Finding`s. */
export declare function flowFindings(file: string, text: string, options?: FlowOptions): Finding[];
/** `console.log(…)`: the callee (or the statement keyword) of the sink, never its arguments. */
export declare function evidenceOf(snippet: string): string;
