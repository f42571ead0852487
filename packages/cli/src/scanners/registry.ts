import { configScanner } from './config.js';
import { analyzerScanner } from './analyzer.js';
import { pythonScanner } from './python.js';
import type { Scanner } from './scanner.js';
import { tokenScanner } from './tokens.js';

/**
 * Every front end, in run order: configs first, because the secrets they declare are sources for the code; then
 * Python, whose worker threads work on while the token detector and the analyzer use the main thread.
 */
export const SCANNERS: readonly Scanner[] = [configScanner, pythonScanner, tokenScanner, analyzerScanner];
