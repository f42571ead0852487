import type { PyNode as SyntaxNode } from './tree.js';
import { type Analysis, Env, type Frame } from './context.js';
import { checkPasswordDefault } from './credential-arguments.js';
import { secretAnnotation } from './platform.js';
import { secretsMapping } from './sources.js';
import { runBody } from './statements.js';
import { type Parameter, isAsync, parametersOf } from './syntax.js';
import { CLEAN, OPAQUE, type Value, sourceTaint } from './values.js';

export interface FunctionRun {
  closure: Env;
  reporting: boolean;
  depth?: number;
  entry?: { name: string; platform: string };
}

/**
 * Analyses a function on its own: parameters are unknown, except what their annotation says (a Cog `Secret`,
 * a `list[Secret]` of plain strings) and what their name says (`api_key`, the `secrets` mapping).
 */
export function analyseFunction(a: Analysis, fn: SyntaxNode, run: FunctionRun): Frame {
  a.analysed.add(fn.id);
  const owner = a.methodOwner.get(fn.id);
  const env = new Env(run.closure);
  parametersOf(fn).forEach((param, i) => {
    if (i === 0 && owner && !a.staticMethods.has(fn.id)) {
      env.set(param.name, { instance: owner });
      return;
    }
    env.set(param.name, parameterValue(a, param));
    if (param.defaultNode) checkPasswordDefault(a, param.name, param.defaultNode);
  });
  const frame: Frame = { env, fn, isAsync: isAsync(fn), returns: [], reporting: run.reporting, depth: run.depth ?? 0, nested: [] };
  if (owner) frame.cls = owner;
  if (run.entry) frame.entry = run.entry;
  runBody(a, frame, fn.childForFieldName('body'));
  return frame;
}

/** Annotations and defaults of flags and numbers: `password: bool = False` says whether to ask, not what. */
const NOT_TEXT = /^(?:bool|int|float|Optional\[(?:bool|int|float)\]|(?:bool|int|float)\|None)$/;
const FLAG_DEFAULT = new Set(['true', 'false', 'integer', 'float']);

function parameterValue(a: Analysis, param: Parameter): Value {
  const { name, annotation, node } = param;
  if ((annotation !== undefined && NOT_TEXT.test(annotation)) || (param.defaultNode && FLAG_DEFAULT.has(param.defaultNode.type))) return CLEAN;
  const kind = secretAnnotation(a, annotation);
  if (kind === 'Secret' || kind === 'Optional[Secret]') return { secretObject: sourceTaint(name, node, `Secret input ${name}`) };
  if (kind === 'list[Secret]') return { taint: sourceTaint(name, node, `${name} holds unwrapped secrets`) };
  if (a.tables.secretMappings.has(name)) return secretsMapping(name, node);
  // `input_data: AppInput` where AppInput is a data class of this file with a secret field: printing it shows
  // that field; its members are read by name.
  const cls = annotation === undefined ? undefined : a.classes.get(annotation.replace(/^Optional\[(\w+)\]$/, '$1').replace(/\s*\|\s*None$/, ''));
  if (cls?.printsSecret) return { ...OPAQUE, instance: cls, taint: sourceTaint(name, node, `${name} is a ${cls.name}, whose printed form shows a secret field`) };
  return OPAQUE;
}
