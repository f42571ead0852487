// A bare `token` (names.yaml: ambiguous) reaching a log or an error is reported unless the file shows it is a
// lexer token or a pagination cursor (flows.yaml `ambiguousNames`). Other ambiguous names and other rules keep
// waiting for evidence that the value is a credential.
import { describe, expect, it } from 'vitest';
import { analyze, hits } from './helpers.js';

const js = (code: string) => analyze(code, {}, 'snippet.js').map((r) => r.ruleId).sort();

describe('a bare token without counter-evidence is reported', () => {
  it.each([
    ['the tracker issue: thrown', "function check(token) { if (!valid(token)) throw new Error('bad token ' + token); }", ['no-secret-in-error']],
    ['the tracker issue: logged', 'function login(user, token) { console.log(`login ${user} with ${token}`); }', ['no-secret-in-log']],
    ['arrow function', "const login = (user, token) => console.log('login', user, token);", ['no-secret-in-log']],
    ['arrow function throwing a template', 'const check = async (token) => { throw new Error(`invalid ${token}`); };', ['no-secret-in-error']],
    ['class method and a logger', "class Auth { login(token) { logger.info('token=' + token); } }", ['no-secret-in-log']],
    ['catch block', "async function f(token) { try { await api(token); } catch (err) { console.error('failed with ' + token, err); } }", ['no-secret-in-log']],
    ['a local variable', 'const token = getToken();\nconsole.warn(token);', ['no-secret-in-log']],
    ['through a copy', "function f(token) { const msg = 'got ' + token; throw new TypeError(msg); }", ['no-secret-in-error']],
    ['Promise.reject', 'function f(token) { return Promise.reject(`no session for ${token}`); }', ['no-secret-in-error']],
    ['an unrelated member does not clear it', "function f(token) { if (token.trim()) console.log('token', token); }", ['no-secret-in-log']],
    ['cut out of an authorization header', "function f(header) { const token = header.split(' ')[1]; console.log('token', token); }", ['no-secret-in-log']],
    ['walked out of a credential list', "function f(apiTokens) { for (const token of apiTokens) console.log('trying', token); }", ['no-secret-in-log']],
    ['walked out of a credential string', "function f(cfg) { for (const token of cfg.authTokens.split(',')) console.log(token); }", ['no-secret-in-log']],
    ['a handler not named for generated tokens', "const handlers = { onTokenRefresh(token) { console.log('refreshed', token); } };", ['no-secret-in-log']],
  ])('%s', (_name, code, expected) => {
    expect(js(code)).toEqual(expected);
  });
});

describe('counter-evidence keeps it silent', () => {
  it.each([
    ['lexer loop', "let token;\nwhile ((token = lexer.next()) !== null) { console.log('token', token); }"],
    ['tokens[i]', "for (let i = 0; i < tokens.length; i++) { const token = tokens[i]; console.log('token', token); }"],
    ['for-of over tokens', "for (const token of tokens) console.log('token', token);"],
    ['for-of over tokenize()', 'for (const token of tokenize(src)) console.log(token);'],
    ['this.peek()', "class P { parse() { const token = this.peek(); throw new SyntaxError('Unexpected token ' + token); } }"],
    ['tokens.shift()', "function f(tokens) { const token = tokens.shift(); throw new Error('unexpected ' + token); }"],
    ['token.value', "function show(token) { console.log('token', token.value, token); }"],
    ['token.type compared', "function f(token) { if (token.type === 'Punctuator') console.log('punct', token); }"],
    ['compared with punctuation', "function f(token) { if (token === '(') depth++; console.log(token); }"],
    ['compared with a kind enum', 'function f(token) { if (token === TokenType.LParen) return; throw new Error(`unexpected ${token}`); }'],
    ['switch with keyword cases', "function f(token) { switch (token) { case '{': case 'if': break; } throw new Error('Unexpected token ' + token); }"],
    ['tokenizer callback', "tokenizer.on('token', (token) => console.log(token));"],
    ['tokens.forEach callback', 'tokens.forEach((token) => console.log(token));'],
    ['tokenizer options callback', 'new Tokenizer({ onToken(token) { console.log(token); } });'],
    ['typed as a lexer token', 'function f(token: Token) { console.log(token); }'],
    ['pagination loop', "async function all(client) {\n  let token;\n  do {\n    const page = await client.list({ pageToken: token });\n    console.log('page', token);\n    token = page.nextToken;\n  } while (token);\n}"],
    ['destructured from a list call', "async function f(api) { const { items, token } = await api.listItems(); console.log('next', token, items.length); }"],
    ['renamed from nextToken', "function f(resp) { const { nextToken: token } = resp; console.log('next', token); }"],
    ['query cursor in a URL', "async function f(token) { const r = await fetch(`/items?cursor=${token}`); console.log('fetched', token); }"],
    ['query parameter set', "function f(url, token) { url.searchParams.set('page_token', token); console.log(token); }"],
    ['the message of a SyntaxError', "function fail(token) { throw new SyntaxError('Unexpected token ' + token); }"],
    ['the message of a ParseError in a template', 'const fail = (token) => { throw new ParseError(`unexpected ${token} here`); };'],
    ['token.length', "function f(token) { console.log('token length', token.length); }"],
    // A model's output is streamed token by token: those tokens are text, not credentials.
    ['a loop over a model stream', 'async function f(stream) { for await (const token of stream) process.stdout.write(token); }'],
    ['a loop over generate()', "function f(model) { for (const token of model.generate('hi')) console.log(token); }"],
    ['a streamed delta', "async function f(stream) { for await (const chunk of stream) { const token = chunk.choices[0]?.delta?.content ?? ''; console.log(token); } }"],
    ['a streamed event delta', "async function f(events) { for await (const event of events) { const token = event.delta; console.log('delta', token); } }"],
    ['a LangChain token callback', "class Printer { handleLLMNewToken(token: string) { process.stdout.write(token); } }"],
    ['a token callback option', "const callbacks = [{ handleLLMNewToken: (token) => console.log(token) }];"],
    ['a word of split text', "function f(text) { const token = text.split(' ')[0]; console.log('first token', token); }"],
    ['a loop over split input', "function f(line) { for (const token of line.split(/\\s+/)) console.log('token', token); }"],
    // A CSRF token is sent to the client on purpose: output sinks still need evidence that it is a credential.
    ['CSRF token echoed into an HTML form', "app.get('/form', (req, res) => { const token = req.session.nonce; res.send(`<form><input name=\"_csrf\" value=\"${token}\"></form>`); });"],
    // Only `token` is reported by default: a bare `key` (a map key, a cache key) still waits for evidence.
    ['a bare key', "function f(key) { throw new TypeError('unknown key ' + key); }"],
  ])('%s', (_name, code) => {
    expect(hits(code)).toEqual([]);
  });
});

describe('evidence that it is a credential still wins', () => {
  it('an auth header confirms it even with a lexer-like member elsewhere', () => {
    const code = "function go(token) {\n  console.log('using', token);\n  return fetch('https://x.example.com', { headers: { Authorization: `Bearer ${token}` } });\n}";
    expect(hits(code)).toEqual(['no-secret-in-log@2']);
  });
  it('a string type makes it a source', () => {
    expect(hits('function go(token: string) { console.log(token); }')).toEqual(['no-secret-in-log@1']);
  });
});
