// A bare `token` reaching print, logging or raise is reported unless its function shows it is a lexer token or a
// pagination cursor (flows.yaml `ambiguousNames`, shared with the TypeScript engine).
import { pythonFindings } from '@secret-hygiene/python';
import { describe, expect, it } from 'vitest';

async function rules(lines: string[]): Promise<string[]> {
  const list = await pythonFindings('app/auth.py', lines.join('\n'));
  return list.map((f) => `${f.line}:${f.ruleId}`);
}

describe('a bare token without counter-evidence is reported', () => {
  it.each([
    ['raised', ['def check(token):', '    if not valid(token):', '        raise ValueError("bad token " + token)'], ['3:no-secret-in-error']],
    ['printed in an f-string', ['def login(user, token):', '    print(f"login {user} with {token}")'], ['2:no-secret-in-log']],
    ['logged', ['import logging', 'log = logging.getLogger(__name__)', 'def login(token):', '    log.info("token=%s", token)'], ['4:no-secret-in-log']],
    ['method', ['class Auth:', '    def login(self, token):', '        print("using", token)'], ['3:no-secret-in-log']],
    ['except block', ['def call(token):', '    try:', '        api(token)', '    except Exception as err:', '        raise RuntimeError(f"failed with {token}") from err'], ['5:no-secret-in-error']],
    ['a module variable', ['token = load()', 'print(token)'], ['2:no-secret-in-log']],
    ['walked out of a credential list', ['def check(api_tokens):', '    for token in api_tokens:', '        print("trying", token)'], ['3:no-secret-in-log']],
    ['a credential field of a config', ['def check(cfg):', '    token = cfg["token"]', '    print("token", token)'], ['3:no-secret-in-log']],
    ['a command-line argument', ['import sys', 'token = sys.argv[1]', 'print("token", token)'], ['3:no-secret-in-log']],
    ['walked out of the environment', ['import os', 'for token in os.environ.get("TOKENS", "").split(","):', '    print(token)'], ['3:no-secret-in-log']],
    ['cut out of an authorization header', ['def bearer(header):', '    token = header.split(" ")[1]', '    print(token)'], ['3:no-secret-in-log']],
    ['a callback not named for generated tokens', ['class H:', '    def on_token_refresh(self, token):', '        print("refreshed", token)'], ['3:no-secret-in-log']],
  ])('%s', async (_name, lines, expected) => {
    expect(await rules(lines)).toEqual(expected);
  });
});

describe('counter-evidence keeps it silent', () => {
  it.each([
    ['token.type', ['def show(token):', '    if token.type == "OP":', '        print(token)']],
    ['token.value', ['def show(token):', '    print(token.value, token)']],
    ['the tokenize module', ['import tokenize', 'def dump(readline):', '    for token in tokenize.generate_tokens(readline):', '        print(token)']],
    ['tokens[i]', ['def dump(tokens):', '    for i in range(len(tokens)):', '        token = tokens[i]', '        print(token)']],
    ['a loop over tokens', ['def dump(tokens):', '    for token in tokens:', '        print(token)']],
    ['lexer.next()', ['def parse(lexer):', '    token = lexer.next()', '    raise SyntaxError("unexpected " + token)']],
    ['compared with punctuation', ['def expect_paren(token):', '    if token != "(":', '        raise SyntaxError(f"expected ( got {token}")']],
    ['pagination keyword', ['def all_items(client, token):', '    while True:', '        page = client.list_items(page_token=token)', '        print("page", token)', '        token = page.next_page_token', '        if not token:', '            break']],
    ['next_token from a response', ['def walk(resp):', '    token = resp["next_token"]', '    print("next", token)']],
    ['unpacked from a list call', ['def walk(client):', '    items, token = client.list_objects()', '    print(token)']],
    ['the message of a SyntaxError', ['def fail(token):', '    raise SyntaxError(f"unexpected token {token}")']],
    ['the message of an error class named after a syntax error', ['def fail(token):', '    raise ExpressionSyntaxError(f"unexpected token {token}")']],
    ['a message formatted with str.format', ['def fail(token):', '    raise ExpressionSyntaxError("{0} expected".format(token))']],
    ['a loop over a text streamer', ['def gen(streamer):', '    for token in streamer:', '        print(token, end="", flush=True)']],
    ['a loop over generate()', ['async def gen(engine, p):', '    async for token in engine.generate(p):', '        print("got", token)']],
    ['yielded as a stream piece', ['import logging', 'def gen(text, previous):', '    token = text[len(previous):]', '    logging.debug("new token %s", token)', '    yield token']],
    ['an element of plainly keyed data', ['def show(batch):', '    token = batch["input_ids"][0]', '    print("first token", token)']],
    ['unpacked into a lexer tuple', ['def recover(token):', '    type_, value, start, prefix = token', '    raise ValueError(f"bad {value} at {start} in {token}")']],
    ['a file importing a Token class', ['from antlr4.Token import Token', 'def show(token):', '    print("token", token)']],
    ['len(token)', ['def f(token):', '    print("token length", len(token))']],
    ['a LangChain token callback', ['class Handler(BaseCallbackHandler):', '    def on_llm_new_token(self, token: str, **kwargs) -> None:', '        print(token, end="")']],
    ['a streamed delta', ['def run(client):', '    for chunk in client.chat.completions.create(model="m", messages=[], stream=True):', '        token = chunk.choices[0].delta.content', '        print(token)']],
    ['a streamed event delta', ['def run(events):', '    for event in events:', '        token = event.delta', '        print("delta", token)']],
    ['a word of split text', ['def words(text):', '    token = text.split()[0]', '    print("first token", token)']],
    ['a bare key still waits', ['def f(key):', '    raise KeyError("unknown key " + key)']],
  ])('%s', async (_name, lines) => {
    expect(await rules(lines)).toEqual([]);
  });
});

describe('other rules still need evidence', () => {
  it('a bare token returned from a route is not reported (a CSRF nonce goes to the client on purpose)', async () => {
    expect(await rules(['from fastapi import FastAPI', 'app = FastAPI()', '@app.get("/form")', 'def form(token: str = ""):', '    return {"csrf": token}'])).toEqual([]);
  });
  it('a token sent as a credential is still a secret on a plain-HTTP request', async () => {
    const found = await rules(['import requests', 'def call(token):', '    requests.get("http://api.example.com/x", headers={"Authorization": f"Bearer {token}"})']);
    expect(found).toContain('3:require-https');
  });
});
