import type { CallShape } from './calls.js';
import type { Engine } from './engine.js';
/** `x.replace(/./g, '*')`: a regex that matches every character, replaced by text with no back-reference. */
export declare function isMasking(e: Engine, shape: CallShape): boolean;
/** `x.slice(0, 4)`, `x.slice(-4)`, `x.substring(0, 3)`, `x.charAt(0)`, `x[0]`: no more than redaction shows. */
export declare function isShortReveal(e: Engine, shape: CallShape): boolean;
