// The rules under ESLint's own RuleTester and default parser (espree), as a project without typescript-eslint
// would run them: the flow engine then parses the file itself.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import plugin from 'eslint-plugin-secret-hygiene';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('no-secret-in-log (espree, no file name)', plugin.rules['no-secret-in-log'], {
  valid: [
    "console.log('has key', Boolean(process.env.OPENAI_API_KEY));",
    // JSX in a file without a name: read as JavaScript with JSX.
    'const key = process.env.HF_TOKEN;\nexport const Badge = () => <span>{key ? "on" : "off"}</span>;',
  ],
  invalid: [
    { code: 'const key = process.env.HF_TOKEN;\nconsole.log(key);', errors: [{ messageId: 'secretLeak', line: 2 }] },
    {
      code: 'const key = process.env.HF_TOKEN;\nexport const Badge = () => <span>{key}</span>;\nconsole.log(key);',
      errors: [{ messageId: 'secretLeak', line: 3 }],
    },
    {
      code: 'function login(user, password) {\n  console.log(user, password);\n}',
      filename: 'login.cjs',
      errors: [{ messageId: 'secretLeak', line: 2 }],
    },
  ],
});

tester.run('no-secret-in-log (espree, not a script file)', plugin.rules['no-secret-in-log'], {
  // A .vue or .md file's text is more than one program; without a parser that splits it, nothing is analysed.
  valid: [{ code: 'console.log(process.env.HF_TOKEN);', filename: 'App.vue' }],
  invalid: [],
});

tester.run('no-hardcoded-secret (espree)', plugin.rules['no-hardcoded-secret'], {
  valid: ["const token = process.env.HF_TOKEN ?? '';"],
  invalid: [
    {
      code: "const HF_TOKEN = 'hf_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL';",
      errors: [{ messageId: 'hardcodedSecret', line: 1, column: 19 }],
    },
  ],
});
