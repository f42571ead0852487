import type { CallShape } from './calls.js';
import type { Engine } from './engine.js';

/** `x.replace(/./g, '*')`: a regex that matches every character, replaced by text with no back-reference. */
export function isMasking(e: Engine, shape: CallShape): boolean {
  const ts = e.ts;
  if (shape.name !== 'replace' && shape.name !== 'replaceAll') return false;
  const [pattern, replacement] = shape.argNodes;
  if (!pattern || !replacement) return false;
  const regex = regexOf(e, pattern);
  if (!regex) return false;
  const repl = e.syntax.unwrap(replacement);
  if (!(ts.isStringLiteralLike(repl) && !repl.text.includes('$')) && !ts.isArrowFunction(repl)) return false;
  const flags = regex.flags;
  let body = regex.source;
  body = body.replace(/^\^/, '').replace(/\$$/, '');
  // `.(?=.{4})` keeps at most the last few characters: the reveal is bounded like redaction's.
  const keep = /\(\?=\.\{(\d+)\}\)$/.exec(body);
  if (keep && Number(keep[1]) <= e.tables.shortRevealMax) body = body.slice(0, keep.index);
  const quantified = /[+*]$/.test(body) ? body.slice(0, -1) : undefined;
  const unit = quantified ?? body;
  // Flags known only at run time are taken to be the global ones a full mask is written with.
  return e.tables.fullMaskPatterns.has(unit) && (quantified !== undefined || flags === undefined || flags.includes('g'));
}

/** `/./g` or `new RegExp('.', 'g')`: the pattern's source when it is literal, and its flags when they are. */
function regexOf(e: Engine, node: import('typescript').Expression): { source: string; flags: string | undefined } | undefined {
  const ts = e.ts;
  const x = e.syntax.unwrap(node);
  if (ts.isRegularExpressionLiteral(x)) {
    const end = x.text.lastIndexOf('/');
    return { source: x.text.slice(1, end), flags: x.text.slice(end + 1) };
  }
  if ((ts.isNewExpression(x) || ts.isCallExpression(x)) && ts.isIdentifier(x.expression) && x.expression.text === 'RegExp') {
    const [source, flags] = x.arguments ?? [];
    if (source && ts.isStringLiteralLike(source)) return { source: source.text, flags: !flags ? '' : ts.isStringLiteralLike(flags) ? flags.text : undefined };
  }
  return undefined;
}

/** `x.slice(0, 4)`, `x.slice(-4)`, `x.substring(0, 3)`, `x.charAt(0)`, `x[0]`: no more than redaction shows. */
export function isShortReveal(e: Engine, shape: CallShape): boolean {
  const max = e.tables.shortRevealMax;
  // Every call with a receiver asks: the arguments are read only for the few names that can reveal little.
  const num = (i: number) => (shape.argNodes[i] ? numberOf(e, shape.argNodes[i]) : undefined);
  switch (shape.name) {
    case 'charAt':
    case 'at':
    case 'codePointAt':
      return true;
    case 'slice':
    case 'substring': {
      const from = num(0);
      const to = num(1);
      if (from !== undefined && from < 0 && shape.argNodes.length === 1) return -from <= max;
      return from !== undefined && to !== undefined && to >= 0 && to - Math.max(0, from) <= max;
    }
    case 'substr': {
      const length = num(1);
      return length !== undefined && length <= max;
    }
    default:
      return false;
  }
}

function numberOf(e: Engine, node: import('typescript').Expression): number | undefined {
  const ts = e.ts;
  const x = e.syntax.unwrap(node);
  if (ts.isNumericLiteral(x)) return Number(x.text);
  if (ts.isPrefixUnaryExpression(x) && x.operator === e.SK.MinusToken && ts.isNumericLiteral(x.operand)) return -Number(x.operand.text);
  return undefined;
}
