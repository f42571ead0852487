import type { FlowTables } from './tables.js';
import { type Value } from './value.js';
/** What an import (or `require`) of `module` binds: a logger, a logger factory, a transport, or nothing we track. */
export declare function moduleValue(t: FlowTables, module: string, name: string): Value;
