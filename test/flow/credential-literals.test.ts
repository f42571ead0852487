// Literals handed to credential APIs, as `secret-audit` reads them from TypeScript's tree (the ESLint rule's
// counterpart): per file through `flowFindings`, and in the whole-program analyzer.
import { analyzeFiles } from '@secret-hygiene/analyzer';
import { flowFindings } from '@secret-hygiene/flow';
import { describe, expect, it } from 'vitest';

function hardcoded(file: string, source: string) {
  return flowFindings(file, source).filter((f) => f.ruleId === 'no-hardcoded-secret');
}

describe('credential literals (secret-audit)', () => {
  it('reports a plain key or password at a credential API, directly, through a variable or a module name', () => {
    const source = [
      "const jsonwt = require('jsonwebtoken');", // 1
      "const token = jsonwt.sign(payload, 'some-secret');", // 2
      "const session = require('express-session');", // 3
      "const config = { secret: 'oiuneawrgiyubaegr', resave: false };", // 4
      'app.use(session(config));', // 5
      "const pg = require('pg');", // 6
      "const client = new pg.Client({ user: 'dbuser', password: 'hgfedcba' });", // 7
      "AWS.config.update({ accessKeyId: 'AccessID1', secretAccessKey: 'NotSoSecretKey1' });", // 8
      "headers.append('Authorization', 'Basic sdsdag:aaaiuogrweuibgbbbbb');", // 9
      "require('crypto').createHmac('sha256', 'iubfewiaaweiybgaeuybgera');", // 10
      "basicAuth({ users: { admin: 'hgfedcba' } });", // 11
    ].join('\n');
    const found = hardcoded('app.js', source);
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['2:37', '4:27', '7:59', '8:65', '9:40', '10:41', '11:30']);
    expect(found[0]!.message).toBe('The key or password given to jsonwebtoken.sign is written into the source. Read it from the environment or a secret store, and rotate the exposed value.');
    expect(found[4]!.message).toContain('the Authorization header');
    for (const f of found) expect(JSON.stringify(f)).not.toMatch(/some-secret|oiuneawrgiyubaegr|hgfedcba|NotSoSecretKey1|aaaiuogrweuibgbbbbb|iubfewiaaweiybgaeuybgera/);
  });

  it('leaves references, stand-ins, weak example values, reassigned variables and other modules alone', () => {
    const source = [
      'jwt.sign(payload, process.env.JWT_SECRET);',
      "jwt.sign(payload, '<your-jwt-secret>');",
      "jwt.sign(payload, 'test1234');",
      "createHmac('sha256', 'SampleToken');",
      "new pg.Client({ password: 'OPENAI_API_KEY' });",
      "let secretKey = 'hgfedcba';",
      'secretKey = process.env.JWT_SECRET;',
      'app.use(jwt({ secret: secretKey }));',
      "const signer = require('./signer');",
      "signer.sign(payload, 'hello-world');",
      "render({ secret: 'oiuneawrgiyubaegr' });",
      "headers.append('Authorization', 'Bearer YOUR_API_TOKEN');",
    ].join('\n');
    expect(hardcoded('app.js', source)).toEqual([]);
  });

  it('follows a variable in its own scope: the same name declared in other functions, shadowed or reassigned there', () => {
    const source = [
      "import jwt from 'jsonwebtoken';", // 1
      '(function () {', // 2
      "  var privateKey = 'hgfedcbaPrivate';", // 3
      '  jwt.sign(payload, privateKey);', // 4
      '})();', // 5
      '(function () {', // 6
      "  var privateKey = 'hgfedcbaOther';", // 7
      '  jwt.verify(token, privateKey);', // 8
      '})();', // 9
      "const secretKey = 'hgfedcbaShadowed';", // 10
      'function sign(secretKey) { return jwt.sign(payload, secretKey); }', // 11
      'function later() {', // 12
      "  let key = 'hgfedcbaReassigned';", // 13
      '  key = process.env.JWT_SECRET;', // 14
      '  return jwt.sign(payload, key);', // 15
      '}', // 16
      'try { run(); } catch (key) { jwt.sign(payload, key); }', // 17
    ].join('\n');
    expect(hardcoded('app.js', source).map((f) => `${f.line}:${f.column}`)).toEqual(['3:21', '7:21']);
  });

  it('reads an authorization header by any name it is written under, and the password of a basic-auth pair', () => {
    const source = [
      "const pairs = new Headers([['Authorization', 'Bearer hgfedcbaPair']]);", // 1
      "const authorization = 'Token hgfedcbaVariable';", // 2
      "request.headers['Proxy-Authorization'] = 'Basic hgfedcbaIndexed';", // 3
      "const header = 'Basic ' + btoa('deploy:hgfedcbaPair');", // 4
      "const proxy = Buffer.from('localhost:8080').toString('base64');", // 5
      'const escaped = Buffer.from("deploy:hgfedcba\\u0041");', // 6
    ].join('\n');
    const found = hardcoded('app.ts', source);
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['1:54', '2:30', '3:49', '4:40', '6:29']);
    expect(found[3]!.message).toContain('btoa (basic auth)');
    // Escapes make the value's offsets differ from the file's: the whole literal is the span.
    expect(found[4]!.endColumn).toBe(52);
  });

  it('leaves a value the token formats recognise to the token scan', () => {
    const source = "jwt.sign(payload, 'ghp_Q9vX2mLk8ZtR4wYbN7cJ1pD5sF3gH6jK0aE2');";
    expect(hardcoded('app.ts', source)).toEqual([]);
  });

  it('reports them from the whole-program analyzer too', () => {
    const { findings } = analyzeFiles({
      cwd: '/virtual',
      files: [{ path: 'src/auth.ts', text: "import jwt from 'koa-jwt';\nconst secretKey = 'hgfedcba';\nexport const auth = jwt({ secret: secretKey });\n" }],
    });
    expect(findings.filter((f) => f.ruleId === 'no-hardcoded-secret').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['src/auth.ts:2:20']);
  });
});
