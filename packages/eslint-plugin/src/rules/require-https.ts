import { createRule, describeRule } from '../create-rule.js';
import { flowResultsFor, type FlowRuleOptions } from '../flow/flow-rule.js';
import { flowOptionsSchema } from '../flow/options.js';
import { locationOf } from '../location.js';

const RULE_ID = 'require-https';

/** The scheme the engine's replacement switches to (`https://`, `wss://`, `ftps://`), for the suggestion's text. */
function secureSchemeOf(replacement: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.exec(replacement.trimStart().replace(/^['"`]/, ''))?.[0] ?? 'https://';
}

/**
 * A request API called with a plain-HTTP (ws://, ftp://) URL to a non-local host. The engine marks a result as an
 * error when a secret travels on the request; that gets its own message so it stands out in the editor.
 */
export const requireHttps = createRule<FlowRuleOptions, 'plainHttp' | 'secretOverPlainHttp' | 'useHttps'>({
  name: RULE_ID,
  meta: {
    type: 'problem',
    docs: { description: describeRule(RULE_ID), recommended: true },
    hasSuggestions: true,
    messages: {
      plainHttp: '{{ message }}',
      secretOverPlainHttp: '{{ message }}',
      useHttps: 'Switch the URL to {{ scheme }}.',
    },
    schema: flowOptionsSchema,
  },
  defaultOptions: [{}],
  create(context) {
    // As the leak rules: the analysis runs once the file is parsed, and a file without results gets no listener.
    const results = flowResultsFor(context, RULE_ID);
    if (results.length === 0) return {};
    return {
      'Program:exit'() {
        for (const result of results) {
          const fix = result.fix;
          context.report({
            loc: locationOf(context.sourceCode, result.start, result.end),
            messageId: result.severity === 'error' ? 'secretOverPlainHttp' : 'plainHttp',
            data: { message: result.message },
            suggest: fix
              ? [
                  {
                    messageId: 'useHttps',
                    data: { scheme: secureSchemeOf(fix.text) },
                    fix: (fixer) => fixer.replaceTextRange([fix.start, fix.end], fix.text),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
