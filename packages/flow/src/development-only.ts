import type * as TS from 'typescript';
import { splitWords } from '@secret-hygiene/core';
import type { Engine } from './engine.js';

/**
 * Whether entering a branch (`whenTrue`: the one the condition enters) means the code runs only in development or
 * tests, where what it logs never reaches production logs: `if (environment.isTestEnv())`, `if (!isProduction())`,
 * `if (process.env.NODE_ENV !== 'production')`, the `else` of `if (isProduction())`. The words are
 * `sinks.log.developmentOnly` in rules/flows.yaml.
 */
export function developmentOnly(e: Engine, condition: TS.Expression, whenTrue: boolean): boolean {
  const ts = e.ts;
  const SK = e.SK;
  const c = e.syntax.unwrap(condition);
  if (ts.isPrefixUnaryExpression(c) && c.operator === SK.ExclamationToken) return developmentOnly(e, c.operand, !whenTrue);
  if (ts.isBinaryExpression(c)) {
    const op = c.operatorToken.kind;
    // Entering through `a && b` means both held, through `a || b` either: one development check is enough for `&&`.
    if (op === SK.AmpersandAmpersandToken || op === SK.BarBarToken) {
      const all = (op === SK.AmpersandAmpersandToken) !== whenTrue;
      const left = developmentOnly(e, c.left, whenTrue);
      const right = developmentOnly(e, c.right, whenTrue);
      return all ? left && right : left || right;
    }
    return comparesEnvironment(e, c, whenTrue);
  }
  const verdict = checkVerdict(e, c);
  return verdict === 'development' ? whenTrue : verdict === 'production' ? !whenTrue : false;
}

type Verdict = 'development' | 'production' | undefined;

/** `__DEV__`, `isTestEnv()`, `env.is(TEST)`: what a flag or a check says holds when it is true. */
function checkVerdict(e: Engine, c: TS.Expression): Verdict {
  const ts = e.ts;
  const d = e.tables.developmentOnly;
  const dotted = e.syntax.dotted(c);
  if (dotted !== undefined && d.flags.has(dotted)) return 'development';
  if (!ts.isCallExpression(c)) return undefined;
  const callee = e.syntax.unwrap(c.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined) return undefined;
  if (d.checks.has(name)) return 'development';
  if (d.productionChecks.has(name)) return 'production';
  const only = c.arguments.length === 1 ? e.syntax.unwrap(c.arguments[0]!) : undefined;
  if (!d.environmentTests.has(name) || !only) return undefined;
  const given = ts.isStringLiteralLike(only) ? only.text : ts.isIdentifier(only) ? only.text : ts.isPropertyAccessExpression(only) ? only.name.text : undefined;
  return environmentVerdict(e, given);
}

function environmentVerdict(e: Engine, given: string | undefined): Verdict {
  const d = e.tables.developmentOnly;
  const word = given?.toLowerCase();
  if (word === undefined) return undefined;
  if (d.environmentNames.has(word)) return 'development';
  return d.productionNames.has(word) ? 'production' : undefined;
}

/** `process.env.NODE_ENV === 'development'`, `app.get('env') !== 'production'`, `import.meta.env.MODE == 'test'`. */
function comparesEnvironment(e: Engine, c: TS.BinaryExpression, whenTrue: boolean): boolean {
  const ts = e.ts;
  const SK = e.SK;
  const op = c.operatorToken.kind;
  const negated = op === SK.ExclamationEqualsEqualsToken || op === SK.ExclamationEqualsToken;
  if (!negated && op !== SK.EqualsEqualsEqualsToken && op !== SK.EqualsEqualsToken) return false;
  const left = e.syntax.unwrap(c.left);
  const right = e.syntax.unwrap(c.right);
  const [subject, value] = ts.isStringLiteralLike(right) ? [left, right] : ts.isStringLiteralLike(left) ? [right, left] : [undefined, undefined];
  if (!subject || !value || !holdsEnvironment(e, subject)) return false;
  const verdict = environmentVerdict(e, value.text);
  // Entering means the subject equals the value (`===` entered, `!==` left) or differs from it.
  const equal = whenTrue !== negated;
  return equal ? verdict === 'development' : verdict === 'production';
}

/** `NODE_ENV`, `process.env.APP_ENV`, `environment`, `import.meta.env.MODE`, `app.get('env')`. */
function holdsEnvironment(e: Engine, subject: TS.Expression): boolean {
  const ts = e.ts;
  const words = e.tables.developmentOnly.environmentWords;
  let name: string | undefined;
  if (ts.isCallExpression(subject)) {
    const only = subject.arguments.length === 1 ? e.syntax.unwrap(subject.arguments[0]!) : undefined;
    name = only && ts.isStringLiteralLike(only) ? only.text : undefined;
  } else name = ts.isIdentifier(subject) ? subject.text : ts.isPropertyAccessExpression(subject) ? subject.name.text : ts.isElementAccessExpression(subject) ? e.syntax.memberName(subject) : undefined;
  const last = name === undefined ? undefined : splitWords(name).at(-1);
  return last !== undefined && words.has(last);
}
