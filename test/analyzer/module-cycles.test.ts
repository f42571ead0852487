// A module graph with cycles must not make the whole-program analyzer evaluate modules without end: an ESLint
// plugin's index requires its configs, whose getters require the index again, and each config spreads the rules
// of the ones before it. Evaluated afresh at every request, this graph took minutes and gigabytes at 12 configs.
import { analyzeFiles, programsOfAtMost } from '@secret-hygiene/analyzer';
import { describe, expect, it } from 'vitest';

function pluginWithCyclicConfigs(count: number) {
  const files = [];
  const index = ['"use strict"', 'module.exports = {', '  configs: {'];
  for (let i = 0; i < count; i++) {
    index.push(`    "c${i}": require("./configs/c${i}"),`);
    const spreads = Array.from({ length: i }, (_, j) => `    ...require("./c${j}").rules,`);
    const config = ['"use strict"', 'module.exports = {', '  plugins: {', '    get "x"() {', '      return require("../index.js")', '    },', '  },', '  rules: {', ...spreads, `    "x/rule-${i}": "error",`, '  },', '}'];
    files.push({ path: `lib/configs/c${i}.js`, text: config.join('\n') });
  }
  index.push('  },', '}', 'const token = process.env.NPM_TOKEN', 'console.log(token)');
  files.push({ path: 'lib/index.js', text: index.join('\n') });
  return { files, leakLine: index.length };
}

describe('module cycles', () => {
  it('analyses a plugin whose configs and index require each other, once per module', () => {
    const { files, leakLine } = pluginWithCyclicConfigs(16);
    const { findings, errors } = analyzeFiles({ cwd: '/virtual', files });
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`)).toEqual([`no-secret-in-log@lib/index.js:${leakLine}`]);
  });
});

describe('programs of loose scripts', () => {
  it('splits scripts no tsconfig claims into programs of bounded text, in path order', () => {
    const files: Array<[string, string]> = [
      ['b/two.js', 'x'.repeat(40)],
      ['a/one.js', 'x'.repeat(50)],
      ['a/three.js', 'x'.repeat(30)],
      ['c/big.js', 'x'.repeat(120)],
    ];
    const groups = programsOfAtMost(100, files).map((g) => [...g.keys()]);
    expect(groups).toEqual([['a/one.js', 'a/three.js'], ['b/two.js'], ['c/big.js']]);
  });
});
