import { classifyLiteral, scanTokens, type TokenMatch } from '@secret-hygiene/core';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../create-rule.js';
import { describeRule, locationOf } from '../flow/flow-rule.js';
import { isSuppressed } from '../suppressions.js';
import { contextualName } from './literal-context.js';

const RULE_ID = 'no-hardcoded-secret';

/**
 * Where a literal's value starts in the file, when the value is spelled out verbatim between the delimiters
 * (no escapes), so a match maps to the exact columns of the token; otherwise the literal's own start.
 */
interface Span {
  valueStart: number;
  verbatim: boolean;
  nodeRange: readonly [number, number];
}

/**
 * The core token detector on every string literal, template literal and comment: provider formats anywhere,
 * and — for literals stored under a secret name (`password = '...'`) — the generic high-entropy rule.
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

    function report(match: TokenMatch, span: Span): void {
      const start = span.verbatim ? span.valueStart + match.start : span.nodeRange[0];
      const end = span.verbatim ? span.valueStart + match.end : span.nodeRange[1];
      const loc = locationOf(sourceCode, start, end);
      if (isSuppressed(sourceCode, loc.start.line, RULE_ID, match.detector)) return;
      context.report({
        loc,
        messageId: 'hardcodedSecret',
        data: { description: match.description.charAt(0).toUpperCase() + match.description.slice(1) },
      });
    }

    function checkValue(value: string, raw: string, span: Span, name: string | undefined): void {
      if (value.trim() === '') return;
      const match = classifyLiteral(value, name === undefined ? {} : { name });
      if (match) report(match, { ...span, verbatim: span.verbatim && raw === value });
    }

    return {
      Literal(node) {
        if (typeof node.value !== 'string') return;
        const raw = node.raw.slice(1, -1);
        checkValue(node.value, raw, { valueStart: node.range[0] + 1, verbatim: true, nodeRange: node.range }, contextualName(node));
      },
      TemplateLiteral(node) {
        const span = (quasi: TSESTree.TemplateElement): Span => ({
          valueStart: quasi.range[0] + 1,
          verbatim: quasi.value.raw === quasi.value.cooked,
          nodeRange: quasi.range,
        });
        const only = node.expressions.length === 0 ? node.quasis[0] : undefined;
        if (only) {
          checkValue(only.value.cooked ?? only.value.raw, only.value.raw, span(only), contextualName(node));
          return;
        }
        // Pieces of an interpolated string carry no name of their own; only prefixed formats can be told apart.
        for (const quasi of node.quasis) {
          const text = quasi.value.cooked ?? quasi.value.raw;
          for (const match of scanTokens(text)) report(match, span(quasi));
        }
      },
      Program() {
        for (const comment of sourceCode.getAllComments()) {
          const valueStart = comment.range[0] + 2;
          for (const match of scanTokens(comment.value)) {
            report(match, { valueStart, verbatim: true, nodeRange: comment.range });
          }
        }
      },
    };
  },
});
