// The Python examples of the rule docs, run through the front ends: every line marked `# fails` in a failing
// example is reported with the page's rule and nothing else is; a passing example gets no finding of that rule.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { type Finding, tokenFindings } from '@secret-hygiene/core';
import { pythonFindings } from '@secret-hygiene/python';
import { describe, expect, it } from 'vitest';

const RULES = ['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-output', 'no-hardcoded-secret', 'require-https'];
const SECTION = '## Python (Cog, Truss, inference.sh)';

interface Example {
  rule: string;
  failing: boolean;
  code: string;
}

function pythonExamples(rule: string): Example[] {
  const page = readFileSync(new URL(`../../rules/docs/${rule}.md`, import.meta.url), 'utf8');
  const start = page.indexOf(`\n${SECTION}\n`);
  if (start === -1) return [];
  const end = page.indexOf('\n## ', start + SECTION.length + 1);
  const section = page.slice(start, end === -1 ? undefined : end);
  const examples: Example[] = [];
  // A fenced Python block, and the paragraph before it that says whether it fails or passes.
  for (const match of section.matchAll(/\n([^\n`][^\n]*)\n```python\n([\s\S]*?)```/g)) {
    examples.push({ rule, failing: /^Failing/.test(match[1]!), code: match[2]! });
  }
  return examples;
}

const CHARSETS: Record<string, string> = {
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  'letters and digits': 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
};

/** `<34 random letters>` becomes 34 fresh random letters: no real-looking token is ever committed. */
function expand(code: string): string {
  return code.replace(/<(\d+) random (letters and digits|letters)>/g, (_, count: string, kind: string) => {
    const alphabet = CHARSETS[kind]!;
    return [...randomBytes(Number(count))].map((b) => alphabet[b % alphabet.length]).join('');
  });
}

async function findingsOf(example: Example): Promise<Finding[]> {
  const code = expand(example.code);
  // A hardcoded secret is found by the token scan, or by the Python front end where the code names it (`jwt.encode`).
  const python = await pythonFindings('docs/example.py', code);
  const found = example.rule === 'no-hardcoded-secret' ? [...tokenFindings('docs/example.py', code), ...python] : python;
  return found.filter((f) => f.ruleId === example.rule);
}

function markedLines(code: string): number[] {
  return code.split('\n').flatMap((line, i) => (/#\s*fails\b/.test(line) ? [i + 1] : []));
}

describe('the Python examples of the rule docs', () => {
  const examples = RULES.flatMap(pythonExamples);

  it('has a failing and a passing Python example on every page', () => {
    for (const rule of RULES) {
      expect(examples.filter((e) => e.rule === rule).map((e) => e.failing).sort(), rule).toEqual([false, true]);
    }
  });

  it.each(examples.map((e) => [`${e.rule} ${e.failing ? 'failing' : 'passing'}`, e] as const))('%s', async (_, example) => {
    const lines = [...new Set((await findingsOf(example)).map((f) => f.line))].sort((a, b) => a - b);
    if (example.failing) {
      expect(markedLines(example.code).length).toBeGreaterThan(0);
      expect(lines).toEqual(markedLines(example.code));
    } else expect(lines).toEqual([]);
  });
});
