import type { FlowOptions, FlowResult, FlowRuleId } from '@secret-hygiene/flow';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule, describeRule } from '../create-rule.js';
import { locationOf } from '../location.js';
import { isSuppressed } from '../suppressions.js';
import { flowResults } from './analysis-cache.js';
import { flowOptionsSchema, resolveFlowOptions } from './options.js';

export type FlowRuleOptions = [FlowOptions?];

/**
 * The engine's results for `ruleId` in the file being linted (options from the rule and from settings joined),
 * minus those a `secret-hygiene-ignore` comment silences.
 */
export function flowResultsFor(
  context: Readonly<TSESLint.RuleContext<string, FlowRuleOptions>>,
  ruleId: FlowRuleId,
): FlowResult[] {
  const { sourceCode } = context;
  const options = resolveFlowOptions(context.options[0], context.settings);
  return flowResults(sourceCode, context.filename, options).filter(
    (r) => r.ruleId === ruleId && !isSuppressed(sourceCode, sourceCode.getLocFromIndex(r.start).line, ruleId),
  );
}

/** A rule that reports every engine result of one flow rule id: a secret reaching a log, an error or an output. */
export function createLeakRule(ruleId: Exclude<FlowRuleId, 'require-https'>) {
  return createRule<FlowRuleOptions, 'secretLeak'>({
    name: ruleId,
    meta: {
      type: 'problem',
      docs: { description: describeRule(ruleId), recommended: true },
      // The engine's message names the source and the sink; the value itself never appears.
      messages: { secretLeak: '{{ message }}' },
      schema: flowOptionsSchema,
    },
    defaultOptions: [{}],
    create(context) {
      // The file is complete before any listener runs: the shared analysis is done here, and a file with nothing
      // to report (nearly all) gets no listener, so ESLint has nothing to call for this rule.
      const results = flowResultsFor(context, ruleId);
      if (results.length === 0) return {};
      return {
        'Program:exit'() {
          for (const result of results) {
            context.report({
              loc: locationOf(context.sourceCode, result.start, result.end),
              messageId: 'secretLeak',
              data: { message: result.message },
            });
          }
        },
      };
    },
  });
}
