import { classifyLiteral, defaultNameClassifier, scanTokens } from '@secret-hygiene/core';
import { credentialDescription, credentialLiterals, loadTypescript, writtenAsValue, type CredentialLiteral } from '@secret-hygiene/flow';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as TS from 'typescript';
import { createRule, describeRule } from '../create-rule.js';
import { locationOf } from '../location.js';
import { isSuppressed } from '../suppressions.js';
import { typeScriptView } from '../flow/typescript-source.js';
import { contextualName, enclosingKey } from './literal-context.js';

const RULE_ID = 'no-hardcoded-secret';
const ts = loadTypescript();

type Range = readonly [number, number];

/** A literal whose value is spelled verbatim in the source (no escapes), so value offsets map to file offsets. */
interface NamedLiteral {
  value: string;
  name: string;
  valueStart: number;
  verbatim: boolean;
  range: Range;
}

function overlaps(a: Range, b: Range): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

/** Whether [start, end) lies inside one of `ranges` (sorted by start, none overlapping). */
function within(ranges: Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (r[1] <= start) lo = mid + 1;
    else if (r[0] > start) hi = mid - 1;
    else return end <= r[1];
  }
  return false;
}

/** Tokens whose text is text, not code: strings, template pieces (`\`a${`, `}b\``) and JSX text. */
const TEXT_TOKENS = new Set(['String', 'Template', 'JSXText']);

/**
 * Where a match may be reported: string literals, template pieces (so a literal nested in `${…}` never lies
 * inside another range), JSX text and comments, sorted by start. Read from the parser's token list, which holds
 * exactly those spans, instead of a listener per literal.
 */
function textRanges(sourceCode: Readonly<TSESLint.SourceCode>): Range[] {
  const ranges: Range[] = [];
  for (const token of sourceCode.ast.tokens) if (TEXT_TOKENS.has(token.type)) ranges.push(token.range);
  for (const comment of sourceCode.getAllComments()) ranges.push(comment.range);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The TypeScript file typescript-eslint parsed this text into, when it has its table of every identifier. */
function parsedFile(sourceCode: Readonly<TSESLint.SourceCode>): (TS.SourceFile & { identifiers: ReadonlyMap<string, unknown> }) | undefined {
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: { get(node: unknown): unknown } } | undefined;
  const parsed = services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast) as (TS.SourceFile & { identifiers?: unknown }) | undefined;
  return parsed?.text === sourceCode.text && parsed.identifiers instanceof Map ? (parsed as TS.SourceFile & { identifiers: ReadonlyMap<string, unknown> }) : undefined;
}

type NameClassifier = ReturnType<typeof defaultNameClassifier>;

/** Most strings of a file are not names at all: the screen keeps the classifier's memo free of them. */
function namesASecret(name: string, names: NameClassifier): boolean {
  return names.mayNameASecret(name) && names.classify(name) !== 'no';
}

/**
 * Whether a literal of the file may be stored under a secret name, so that its literals are worth a listener. The
 * name `contextualName` finds is an identifier, a private name, a JSX attribute name, a property key or index string
 * (in TypeScript's identifier table), or a string argument, array element or computed key (a string token followed
 * by `,`, `)`, `]` or `:`, whatever TypeScript interned). Without the table (another parser), every file may.
 */
export function mayNameALiteral(sourceCode: Readonly<TSESLint.SourceCode>, names: NameClassifier): boolean {
  const parsed = parsedFile(sourceCode);
  if (!parsed) return true;
  // A name written only in types (`interface Options { apiKey?: string }`) never has a literal stored under it.
  for (const name of parsed.identifiers.keys()) {
    if (namesASecret(name, names) && writtenAsValue(ts, parsed, name)) return true;
    if (name.startsWith('#') && namesASecret(name.slice(1), names)) return true;
  }
  const tokens = sourceCode.ast.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (token.type !== 'String') continue;
    const next = tokens[i + 1]!.value;
    if (next !== ',' && next !== ')' && next !== ']' && next !== ':') continue;
    const raw = token.value;
    // An escape may spell a name the raw text does not show.
    if (raw.includes('\\') || namesASecret(raw.slice(1, -1), names)) return true;
  }
  return false;
}

/**
 * The literals of the file handed to a credential API (`jwt.sign(payload, '…')`, `session({ secret: '…' })`), read
 * by the flow package on TypeScript's tree: the same reading `secret-audit` makes.
 */
function credentialLiteralsOf(sourceCode: Readonly<TSESLint.SourceCode>, fileName: string): CredentialLiteral[] {
  const parsed = parsedFile(sourceCode);
  if (parsed) return credentialLiterals(ts, parsed);
  const view = typeScriptView(sourceCode, fileName);
  return view ? credentialLiterals(ts, view.sourceFile) : [];
}

/**
 * The core token detector over the file's text — the same scan `secret-audit` runs — keeping what lies inside
 * string literals, template literals, JSX text and comments. Literals stored under a secret name the text does
 * not show (`headers.set('X-Api-Key', '…')`, `password === '…'`, `<Widget apiKey="…" />`) are classified with
 * that name as well.
 */
export const noHardcodedSecret = createRule<[], 'hardcodedSecret'>({
  name: RULE_ID,
  meta: {
    type: 'problem',
    docs: { description: describeRule(RULE_ID), recommended: true },
    messages: {
      hardcodedSecret:
        '{{ description }} is written into the source. Read it from the environment or a secret store, and rotate the exposed value.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    const names = defaultNameClassifier();
    const namedLiterals: NamedLiteral[] = [];

    /** The name, or with the key of its object in front when that settles an ambiguous one (`auth` + `pass`). */
    function qualified(node: TSESTree.Node, name: string): string {
      if (names.classify(name) !== 'ambiguous') return name;
      const outer = enclosingKey(node);
      const joined = outer === undefined ? undefined : `${outer}_${name}`;
      return joined !== undefined && names.classify(joined) === 'secret' ? joined : name;
    }

    // Only the rare literal stored under a secret name is kept.
    function noteString(node: TSESTree.Node, value: string, raw: string, valueStart: number): void {
      const written = contextualName(node);
      const name = written === undefined ? undefined : qualified(node, written);
      if (name !== undefined && names.classify(name) !== 'no' && value.trim() !== '') {
        namedLiterals.push({ value, name, valueStart, verbatim: raw === value, range: node.range });
      }
    }

    function report(description: string, detector: string, start: number, end: number): void {
      const loc = locationOf(sourceCode, start, end);
      if (isSuppressed(sourceCode, loc.start.line, RULE_ID, detector)) return;
      context.report({ loc, messageId: 'hardcodedSecret', data: { description: description.charAt(0).toUpperCase() + description.slice(1) } });
    }

    // The token scan and the credential APIs need only the text and TypeScript's tree: run now, so a file without
    // matches or named literals (most) gets no listener at all.
    const matches = scanTokens(sourceCode.text, { path: context.filename });
    const credentials = credentialLiteralsOf(sourceCode, context.filename);
    const listenToLiterals = mayNameALiteral(sourceCode, names);
    if (matches.length === 0 && credentials.length === 0 && !listenToLiterals) return {};
    const exit = {
      'Program:exit'() {
        const found: Range[] = [];
        // Most files hold no match: the text ranges are built only for those that do.
        const ranges = matches.length > 0 ? textRanges(sourceCode) : [];
        for (const match of matches) {
          if (!within(ranges, match.start, match.end)) continue;
          found.push([match.start, match.end]);
          report(match.description, match.detector, match.start, match.end);
        }
        for (const literal of namedLiterals) {
          if (found.some((r) => overlaps(r, literal.range))) continue;
          const match = classifyLiteral(literal.value, { name: literal.name });
          if (!match) continue;
          found.push(literal.range);
          if (literal.verbatim) report(match.description, match.detector, literal.valueStart + match.start, literal.valueStart + match.end);
          else report(match.description, match.detector, literal.range[0], literal.range[1]);
        }
        // A plain value handed to a credential API (`jwt.sign(payload, 'shhhhh')`), which the token formats leave alone.
        for (const credential of credentials) {
          if (!found.some((r) => overlaps(r, [credential.start, credential.end]))) report(credentialDescription(credential), 'credential-argument', credential.start, credential.end);
        }
      },
    };
    // Most files name no secret: a listener on every literal would cost ESLint a call per string for nothing.
    if (!listenToLiterals) return exit;
    return {
      Literal(node) {
        if (typeof node.value === 'string') noteString(node, node.value, node.raw.slice(1, -1), node.range[0] + 1);
      },
      TemplateLiteral(node) {
        const only = node.expressions.length === 0 ? node.quasis[0] : undefined;
        if (only) noteString(node, only.value.cooked ?? only.value.raw, only.value.raw, only.range[0] + 1);
      },
      ...exit,
    };
  },
});
