import type { NameClassifier, UrlClassifier } from '@secret-hygiene/core';
import type { PyNode as SyntaxNode } from './tree.js';
import type { PythonFlowTables } from './catalog.js';
import type { ImportMap } from './imports.js';
import type { ResultSet } from './report.js';
import type { ClassInfo, Taint, Value } from './values.js';

/** Variables of one function (or the module), with the enclosing scope behind them. */
export class Env {
  vars: Map<string, Value>;

  constructor(readonly parent?: Env, vars?: Map<string, Value>) {
    this.vars = vars ?? new Map();
  }

  lookup(name: string): Value | undefined {
    for (let env: Env | undefined = this; env; env = env.parent) {
      const found = env.vars.get(name);
      if (found) return found;
    }
    return undefined;
  }

  set(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  /** A copy for one branch of an `if`: same enclosing scope, own bindings. */
  fork(): Env {
    return new Env(this.parent, new Map(this.vars));
  }
}

/** A function body being evaluated, standalone or inlined at a call. */
export interface Frame {
  env: Env;
  fn?: SyntaxNode;
  cls?: ClassInfo;
  /** Set when the function's return and yield values go back to the model's caller. */
  entry?: { name: string; platform: string };
  isAsync: boolean;
  returns: Value[];
  /** False in the passes that only learn what methods store on `self`. */
  reporting: boolean;
  depth: number;
  /** A secret in the URL of a request (or a command line) in the current `try` body: its exceptions repeat it. */
  requestTaint?: Taint;
  /** What an `__init__` passes to `super().__init__(...)`: for an exception class, the text it shows. */
  superInit?: Value;
  /** Inside an `except` block: the secret the caught exception's text repeats (a request URL, a command line). */
  caught?: Taint;
  /** Nested functions defined in this body, analysed at its end unless a call already did. */
  nested: SyntaxNode[];
}

/** Everything known about one file while it is analysed. */
export interface Analysis {
  file: string;
  text: string;
  /** The repository's modules this file imports helpers from. */
  modules: { load(fromFile: string, module: string): Analysis | undefined };
  tables: PythonFlowTables;
  names: NameClassifier;
  urls: UrlClassifier;
  imports: ImportMap;
  module: Env;
  functions: Map<string, SyntaxNode>;
  classes: Map<string, ClassInfo>;
  /** The class each method belongs to, and the methods that take no `self`. */
  methodOwner: Map<number, ClassInfo>;
  /** Module-level functions that a web framework's route decorator makes an entry point. */
  routes: Set<number>;
  staticMethods: Set<number>;
  results: ResultSet;
  /** Functions being inlined right now (recursion guard) and the results of earlier inlining. */
  inlining: Set<number>;
  inlined: Map<string, Value>;
  analysed: Set<number>;
  /** Inline calls left before the file stops following calls (keeps pathological files linear). */
  budget: number;
}

export function isSecretName(a: Analysis, name: string): boolean {
  return a.names.classify(name) === 'secret';
}
