// The Python flow front end through its public entry: what each rule reports, what it never prints, how the
// platform entry points and the options change the answer, and that bad input never stops a run.
import { pythonFindings } from '@secret-hygiene/python';
import { describe, expect, it } from 'vitest';

const TOKEN = 'sk-proj-Q9vX2mLk8ZtR4wYbN7cJ1pD5sF3gH6jK0aE';

async function findings(source: string, options?: { extraSecretEnv?: string[] }) {
  return pythonFindings('model/predict.py', source, options);
}

function summary(list: Awaited<ReturnType<typeof findings>>): string[] {
  return list.map((f) => `${f.line}:${f.ruleId}:${f.severity}`);
}

describe('sinks', () => {
  it('reports a secret printed, logged, raised and asserted, naming source and sink', async () => {
    const list = await findings(
      [
        'import logging, os',
        'log = logging.getLogger(__name__)',
        'key = os.environ["OPENAI_API_KEY"]',
        'print(key)',
        'log.warning("key %s", key)',
        'assert key.startswith("sk-"), f"bad {key}"',
        'raise RuntimeError("rejected " + key)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['4:no-secret-in-log:error', '5:no-secret-in-log:error', '6:no-secret-in-error:error', '7:no-secret-in-error:error']);
    expect(list[0]!.message).toBe("The secret from os.environ['OPENAI_API_KEY'] is logged by print.");
    expect(list[1]!.message).toContain('log.warning');
  });

  it("reports a password or a server secret stored in a response cookie, not a login's access token", async () => {
    const list = await findings(
      [
        'import os',
        'from flask import Flask, request, make_response',
        'app = Flask(__name__)',
        '@app.route("/login")',
        'def login():',
        '    password = request.args.get("password")',
        '    resp = make_response("ok")',
        '    resp.set_cookie("password", password)',
        '    resp.set_cookie("k", value=os.environ["OPENAI_API_KEY"])',
        '    access_token = create_access_token(identity="x")',
        '    resp.set_cookie("access_token", access_token, httponly=True)',
        '    return resp',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['8:no-secret-in-output:error', '9:no-secret-in-output:error']);
  });

  it('reads getattr with a written name as the member it names, and its default', async () => {
    const list = await findings(
      [
        'import os',
        'def check(client_universe, credentials):',
        '    credentials_universe = getattr(credentials, "universe_domain", "googleapis.com")',
        '    if client_universe != credentials_universe:',
        '        raise ValueError(f"{client_universe} does not match {credentials_universe}")',
        'def leak(settings):',
        '    print(getattr(settings, "openai_api_key", None))',
        '    print(getattr(settings, "region", os.environ["OPENAI_API_KEY"]))',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['7:no-secret-in-log:error', '8:no-secret-in-log:error']);
  });

  it("follows a secret into Flask's jsonify and abort", async () => {
    const list = await findings(
      [
        'import os',
        'from flask import Flask, abort, jsonify',
        'app = Flask(__name__)',
        'API_KEY = os.environ["SERVICE_API_KEY"]',
        '@app.route("/a")',
        'def a():',
        '    if not API_KEY:',
        '        abort(500, description=f"no key {API_KEY}")',
        '    return jsonify(error=f"invalid key {API_KEY}")',
        '@app.route("/b")',
        'def b():',
        '    return jsonify(ok=True, key_set=API_KEY is not None)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['8:no-secret-in-error:error', '9:no-secret-in-output:error']);
  });

  it("reports a request's headers or cookies logged whole, not a header that carries no credential", async () => {
    const list = await findings(
      [
        'import logging',
        'from flask import Flask, request',
        'app = Flask(__name__)',
        'log = logging.getLogger(__name__)',
        '@app.route("/x")',
        'def x():',
        '    print(request.headers)',
        '    log.info("cookies %s", dict(request.cookies))',
        '    print(request.headers.get("Content-Type"), request.headers["User-Agent"])',
        '    print(request.headers.get("Authorization"))',
        '    return "ok"',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['7:no-secret-in-log:error', '8:no-secret-in-log:error', '10:no-secret-in-log:error']);
    expect(list[0]!.message).toBe('The secret from request.headers is logged by print.');
  });

  it('reads a stub by its name, and a helper with a body by what it returns', async () => {
    const list = await findings(
      [
        'import logging',
        'def get_password():',
        '    pass',
        'def get_api_key():',
        '    """Returns the key."""',
        '    raise NotImplementedError',
        'def fail(message):',
        '    raise ValueError(message)',
        'def get_secret():',
        '    return "****"',
        'password = get_password()',
        'logging.info("Password %s", password)',
        'print(get_api_key())',
        'print(get_secret())',
        'fail("bad " + password)',
      ].join('\n'),
    );
    // The helper that takes a parameter keeps its summary: the message it raises is reported where it is built.
    expect(summary(list).sort()).toEqual(['12:no-secret-in-log:error', '13:no-secret-in-log:error', '8:no-secret-in-error:error']);
  });

  it('follows a log function or stream kept under another name', async () => {
    const list = await findings(
      [
        'import functools, logging, os, sys',
        'logger = logging.getLogger(__name__)',
        'token = os.environ["HF_TOKEN"]',
        'log = print',
        'log("token", token)',
        'out = sys.stdout',
        'out.write(token)',
        'w = sys.stderr.write',
        'w(token)',
        'info = logger.info',
        'info("using %s", token)',
        'p = functools.partial(print, "tok:")',
        'p(token)',
        'show = print',
        'show(len(token))',
        'def note(value):',
        '    return value.upper()',
        'note(token)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual([5, 7, 9, 11, 13].map((line) => `${line}:no-secret-in-log:error`));
    expect(list[1]!.message).toContain('out.write');
  });

  it('reports plain HTTP as a warning, and as an error when a secret rides on the request', async () => {
    const list = await findings(
      [
        'import os, requests',
        'token = os.environ["HF_TOKEN"]',
        'requests.get("http://example.com/a")',
        'requests.post("http://example.com/b", headers={"Authorization": f"Bearer {token}"})',
        'requests.get("https://example.com/c", headers={"Authorization": token})',
        'requests.get("http://localhost:8080/d", headers={"Authorization": token})',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['3:require-https:warning', '4:require-https:error']);
  });

  it('follows what a generator yields to the loop that prints it', async () => {
    const list = await findings(
      ['import os', 'def creds():', '    yield os.environ["HF_TOKEN"]', 'def regions():', '    yield os.environ["AWS_REGION"]', 'for c in creds():', '    print(c)', 'for r in regions():', '    print(r)'].join('\n'),
    );
    expect(summary(list)).toEqual(['7:no-secret-in-log:error']);
  });

  it('reads urljoin against its base: a relative path on a plain-HTTP base is plain HTTP', async () => {
    const list = await findings(
      [
        'import requests',
        'from urllib.parse import urljoin',
        'requests.get(urljoin("http://api.example.com", "/v1/items"))',
        'requests.get(urljoin("https://api.example.com", "/v1/items"))',
        'requests.get(urljoin("http://fallback.example.com", "https://api.example.com/v1"))',
        'requests.get(urljoin("http://localhost:8000/", "health"))',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['3:require-https:warning']);
  });

  it('treats the return value of an entry point as output, but not of a helper', async () => {
    const list = await findings(
      [
        'import os',
        'from cog import BasePredictor, Secret',
        'def helper():',
        '    return os.environ["HF_TOKEN"]',
        'class Predictor(BasePredictor):',
        '    def predict(self, api_key: Secret) -> str:',
        '        if api_key is None:',
        '            return api_key',
        '        return helper()',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['8:no-secret-in-output:error', '9:no-secret-in-output:error']);
    expect(list[0]!.message).toContain('serialises the Secret in clear');
  });
});

describe('never printing the secret', () => {
  it('keeps a hardcoded value out of messages, evidence and flow notes', async () => {
    const list = await findings([`API_KEY = "${TOKEN}"`, `print(f"key={API_KEY}")`, `raise ValueError(API_KEY)`].join('\n'));
    expect(list.map((f) => f.ruleId)).toEqual(['no-secret-in-log', 'no-secret-in-error']);
    const printed = JSON.stringify(list);
    expect(printed).not.toContain(TOKEN);
    expect(printed).not.toContain(TOKEN.slice(8, 20));
  });

  it('reports a string default on a Secret without quoting it', async () => {
    const list = await findings(
      ['from cog import BasePredictor, Input, Secret', 'class P(BasePredictor):', `    def predict(self, key: Secret = Input(default="${TOKEN}")) -> str:`, '        return "ok"'].join('\n'),
    );
    expect(summary(list)).toEqual(['3:no-hardcoded-secret:error']);
    expect(list[0]!.message).toContain('public OpenAPI schema');
    expect(JSON.stringify(list)).not.toContain(TOKEN.slice(8, 20));
  });
});

describe('flow paths', () => {
  it('walks from the source through assignments and calls to the sink', async () => {
    const list = await findings(
      ['import os', 'def show(value):', '    print(value)', 'secret = os.getenv("DB_PASSWORD")', 'url = f"postgres://app:{secret}@db/app"', 'show(url)'].join('\n'),
    );
    expect(summary(list)).toEqual(['3:no-secret-in-log:error']);
    const flow = list[0]!.flow!;
    expect(flow[0]).toMatchObject({ file: 'model/predict.py', line: 4, note: expect.stringContaining('DB_PASSWORD') });
    expect(flow.map((s) => s.line)).toEqual([4, 4, 5, 6, 3]);
    expect(flow.at(-1)!.note).toBe('logged here');
  });

  it('follows self fields across methods and helpers of the same class', async () => {
    const list = await findings(
      [
        'import os',
        'class Service:',
        '    def describe(self):',
        '        return f"Service({self.headers})"',
        '    def __init__(self):',
        '        self.headers = self.build(os.environ["SERVICE_API_KEY"])',
        '    def build(self, value):',
        '        return {"x-api-key": value}',
        '    def report(self):',
        '        print(self.describe())',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['10:no-secret-in-log:error']);
  });
});

describe('options and names', () => {
  it('treats a declared secret environment variable as secret whatever its name', async () => {
    const source = 'import os\nprint(os.environ["WEBHOOK_URL"])\n';
    expect(await findings(source)).toEqual([]);
    expect(summary(await findings(source, { extraSecretEnv: ['WEBHOOK_URL'] }))).toEqual(['2:no-secret-in-log:error']);
  });

  it('reports a bare token without counter-evidence, and a token in an Authorization header', async () => {
    const list = await findings(['def call(token):', '    print(token)', '    headers = {"Authorization": f"Bearer {token}"}', '    print(headers)'].join('\n'));
    expect(summary(list)).toEqual(['2:no-secret-in-log:error', '4:no-secret-in-log:error']);
  });
});

describe('credential arguments', () => {
  it('reports a plain key or password handed to a credential API, with its value redacted', async () => {
    const list = await findings(
      [
        'import hashlib, hmac, jwt, os, requests',
        'from requests.auth import HTTPBasicAuth',
        'token = jwt.encode({"sub": 1}, "shhhhh", algorithm="HS256")',
        'mac = hmac.new(b"a secret key", b"msg", hashlib.sha256)',
        'r = requests.get("https://api.example.org", auth=("admin", "Adm1nP4ssw0rd"))',
        'r2 = requests.get("https://api.example.org", auth=HTTPBasicAuth("admin", "hunter22"))',
        'ok1 = jwt.encode({"sub": 1}, os.environ["JWT_SECRET"], algorithm="HS256")',
        'ok2 = jwt.encode({"sub": 1}, "<your-secret>", algorithm="HS256")',
        'ok3 = requests.get("https://api.example.org", auth=("admin", os.environ["PW"]))',
        'ok4 = jwt.decode(token, key="Zq8vLm2xR4pTkq3n9Vd8", algorithms=["HS256"])',
      ].join('\n'),
    );
    const hardcoded = list.filter((f) => f.ruleId === 'no-hardcoded-secret');
    expect(hardcoded.map((f) => f.line)).toEqual([3, 4, 5, 6]);
    expect(hardcoded[0]!.message).toContain('given to jwt.encode');
    for (const f of hardcoded) expect(JSON.stringify(f)).not.toMatch(/shhhhh|a secret key|Adm1nP4ssw0rd|hunter22/);
  });

  it("reports keys written into python-jose, Fernet, pycryptodome's ciphers and itsdangerous' signers", async () => {
    const list = await findings(
      [
        'import os',
        'from jose import jwt',
        'from cryptography.fernet import Fernet',
        'from Crypto.Cipher import AES',
        'from itsdangerous import URLSafeTimedSerializer',
        'token = jwt.encode({"a": 1}, "kq3n9Vd8x2LmPz7T", algorithm="HS256")',
        'f = Fernet(b"Zq8vLm2xR4pTkq3n9Vd8x2LmPz7TtR4wAbCdEfGhIjK=")',
        'c = AES.new(b"k8Jd9sLq2Vx7Tn4W", AES.MODE_GCM)',
        's = URLSafeTimedSerializer("my app signing key")',
        'ok1 = AES.new(key, AES.MODE_GCM)',
        'ok2 = Fernet(os.environ["FERNET_KEY"])',
      ].join('\n'),
    );
    const hardcoded = list.filter((f) => f.ruleId === 'no-hardcoded-secret');
    expect(hardcoded.map((f) => f.line)).toEqual([6, 7, 8, 9]);
    expect(hardcoded.map((f) => f.message).join('\n')).toMatch(/jose\.jwt\.encode[\s\S]*Fernet[\s\S]*AES\.new[\s\S]*URLSafeTimedSerializer/);
  });

  it('reports a key handed to a credential API inside a function that names no secret', async () => {
    const list = await findings(
      [
        'import hmac, hashlib, jwt',
        'def issue(payload):',
        '    return jwt.encode(payload, "shhhhh", algorithm="HS256")',
        'def sign(message):',
        '    return hmac.new(b"a plain key", message, hashlib.sha256).hexdigest()',
        'def check(token):',
        '    return jwt.decode(token, options={"verify_signature": False})',
      ].join('\n'),
    );
    expect(list.filter((f) => f.ruleId === 'no-hardcoded-secret').map((f) => f.line)).toEqual([3, 5]);
  });

  it("reports a Flask app's signing key and a boto3 secret key written in, but not one read or left as a stand-in", async () => {
    const list = await findings(
      [
        'import boto3, os',
        'from flask import Flask',
        'app = Flask(__name__)',
        `app.secret_key = b'_5#y2L"F4Q8z\\n\\xec]/'`,
        'app.config["SECRET_KEY"] = "dev-secret-key-123"',
        's3 = boto3.client("s3", aws_access_key_id="AccessID1", aws_secret_access_key="NotSoSecretKey1")',
        'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]',
        'app.config["SECRET_KEY"] = "changeme"',
        'app.config["TESTING"] = "enabled"',
        's3 = boto3.client("s3", aws_secret_access_key="jWnyxxxxxxxxxxxxxxxxX7ZQxxxxxxxxxxxxxxxx")',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['4:no-hardcoded-secret:error', '5:no-hardcoded-secret:error', '6:no-hardcoded-secret:error']);
    expect(list[0]!.message).toContain('app.secret_key');
    for (const f of list) expect(JSON.stringify(f)).not.toMatch(/F4Q8z|dev-secret-key|NotSoSecretKey1/);
  });

  it('reports a password given to any call as a keyword, through a constant at the constant, to a login or in a check', async () => {
    const list = await findings(
      [
        'import os, psycopg2, redis, smtplib',
        'DB_PASSWORD = "insecure_pwd"',
        'def connect(user, password):',
        '    a = psycopg2.connect(host="db", user="app", passwd="toor1234")',
        '    b = redis.Redis(host="cache", password=DB_PASSWORD)',
        '    s = smtplib.SMTP("mail")',
        '    s.login("me@example.org", "mailz0ne77")',
        '    if password == "road_runner":',
        '        return a',
        '    ok1 = psycopg2.connect(password=os.environ["DB_PASSWORD"])',
        '    ok2 = redis.Redis(password="")',
        '    ok3 = form.field(password="Password")',
        '    ok4 = form.field(password="Mot de passe")',
        '    ok5 = client.connect(password_hash="insecure_pwd")',
        '    mock.assert_called_with(password="insecure_pwd")',
        '    return password == "password"',
        'os.environ["SMTP_PASSWORD"] = "road_runner"',
        'os.environ["API_URL"] = "https://api.example.org/v1"',
      ].join('\n'),
    );
    const hardcoded = list.filter((f) => f.ruleId === 'no-hardcoded-secret');
    expect(hardcoded.map((f) => `${f.line}:${f.column}`)).toEqual(['2:15', '4:56', '7:31', '8:20', '17:31']);
    expect(hardcoded[0]!.message).toContain('given to redis.Redis');
    expect(hardcoded[0]!.flow?.map((s) => s.line)).toEqual([2, 5]);
    expect(hardcoded[2]!.message).toContain('given to s.login');
    expect(hardcoded[3]!.message).toContain('The expected value of password');
    for (const f of hardcoded) expect(JSON.stringify(f)).not.toMatch(/insecure_pwd|toor1234|mailz0ne77|road_runner/);
  });

  it("reports a secret environment variable's written fallback, not a placeholder's or a plain setting's", async () => {
    const list = await findings(
      [
        'import os',
        'JWT_SECRET = os.getenv("JWT_SECRET", "q9X-secret-77")',
        'DB_PASSWORD = os.environ.get("DB_PASSWORD", default="insecure_pwd")',
        'HF_TOKEN = os.getenv("HF_TOKEN", "")',
        'API_KEY = os.getenv("API_KEY", "your-api-key")',
        'MODEL = os.getenv("MODEL", "gpt-4o-mini-2024")',
      ].join('\n'),
    );
    expect(list.filter((f) => f.ruleId === 'no-hardcoded-secret').map((f) => `${f.line}:${f.column}`)).toEqual(['2:38', '3:53']);
    expect(list[0]!.message).toContain('The default value of JWT_SECRET');
  });

  it('reports a password parameter that defaults to a written password', async () => {
    const list = await findings(
      [
        'def whoops(password="this-could-be-bad"):',
        '    print("connecting")',
        'def fine(password=None, db_password="", label="Password", password_length="sixteen1"):',
        '    print("connecting")',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['1:no-hardcoded-secret:error']);
    expect(list[0]!.message).toContain('The default value of password');
    expect(list[0]!.column).toBe(21);
  });

  it('reports a key read from a class constant, a local variable or a field the constructor sets at the literal', async () => {
    const list = await findings(
      [
        'import jwt',
        'class Signer:',
        '    KEY = "zq81-ppw-Lx"',
        '    def sign(self, p):',
        '        return jwt.encode(p, self.KEY)',
        'def issue(p):',
        '    key = "tt7-LLq-99z"',
        '    return jwt.encode(p, key)',
        'class Settings:',
        '    def __init__(self):',
        '        self.signer = "keyboard cat"',
        '    def sign(self, p):',
        '        return jwt.encode(p, self.signer)',
      ].join('\n'),
    );
    expect(list.filter((f) => f.ruleId === 'no-hardcoded-secret').map((f) => `${f.line}:${f.column}`)).toEqual(['3:11', '7:11', '11:23']);
  });

  it('parses a file whose only credential is a key handed to jwt', async () => {
    const list = await findings(['import jwt', 'x = jwt.encode({}, "shhhhh")'].join('\n'));
    expect(summary(list)).toEqual(['2:no-hardcoded-secret:error']);
  });
});

describe('precision', () => {
  it('binds the elements of a returned tuple one by one', async () => {
    const list = await findings(
      ['import os', 'def creds():', '    return os.environ.get("USER_NAME"), os.environ["DB_PASSWORD"]', 'user, password = creds()', 'print(user)', 'print(password)'].join('\n'),
    );
    expect(summary(list)).toEqual(['6:no-secret-in-log:error']);
  });

  it('takes the user name or the scheme off a split credential pair, and keeps the rest secret', async () => {
    const list = await findings(
      [
        'import os',
        'def show(creds, authorization):',
        '    user, pw = creds.split(":")',
        '    print(user)',
        '    print(pw)',
        '    print(creds.split(":")[0], authorization.split(" ")[0])',
        '    print(creds.split(":")[1])',
        '    keys = os.environ["API_KEYS"].split(",")',
        '    print(keys[0])',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['5:no-secret-in-log:error', '7:no-secret-in-log:error', '9:no-secret-in-log:error']);
  });

  it('keeps dict entries and keyword arguments apart, and flags typed bool are not secrets', async () => {
    const list = await findings(
      [
        'import os',
        'def f(**kwargs):',
        '    print(kwargs["model"])',
        '    print(kwargs.get("token"))',
        'f(model="x", token=os.environ["HF_TOKEN"])',
        'd = {"model": "m", "api_key": os.environ["OPENAI_API_KEY"]}',
        'print(d["model"])',
        'print(d)',
        'def ask(password: bool = False, retries: int = 3):',
        '    print(password, retries)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['4:no-secret-in-log:error', '8:no-secret-in-log:error']);
  });

  it('does not take the standard library secrets module for a secrets mapping', async () => {
    const list = await findings(['import secrets', 'nonce = secrets.token_urlsafe(16)', 'print(secrets)', 'print(nonce)', 'import settings', 'print(settings.API_KEY)'].join('\n'));
    expect(summary(list)).toEqual(['6:no-secret-in-log:error']);
  });

  it('takes the verdict of a secret name for text with a part known only at run time, as the TypeScript engine does', async () => {
    const list = await findings(
      [
        'import secrets',
        'api_key = "sk_" + secrets.token_urlsafe(32)',
        'print(api_key)',
        'password = f"pw-{secrets.token_hex(8)}"',
        'print(password)',
        'label = "sk_" + secrets.token_urlsafe(32)',
        'print(label)',
        'api_key_prefix = "sk_" + "live"',
        'print(api_key_prefix)',
        'token_url = "https://auth.example.com/" + secrets.token_hex(4)',
        'print(token_url)',
        'def join_key(head, tail):',
        '    api_key = head + tail',
        '    print(api_key)',
        'ssh_keys, legacy_keys = read_metadata()',
        'all_ssh_keys = ssh_keys + legacy_keys',
        'print(all_ssh_keys)',
      ].join('\n'),
    );
    // A sum of values nothing is known about is one too: its name decides (lines 14 and 17).
    expect(summary(list)).toEqual(['3:no-secret-in-log:error', '5:no-secret-in-log:error', '14:no-secret-in-log:error', '17:no-secret-in-log:error']);
  });

  it('shows back what a client was made with: client.headers, client.api_key', async () => {
    const list = await findings(
      [
        'import os, httpx',
        'from openai import OpenAI',
        'key = os.environ["OPENAI_API_KEY"]',
        'client = httpx.Client(headers={"Authorization": f"Bearer {key}"}, timeout=30)',
        'print(client.headers)',
        'print(client, client.timeout, client.base_url)',
        'oai = OpenAI(api_key=key)',
        'print(oai.api_key)',
        'plain = httpx.Client(headers={"User-Agent": "demo"})',
        'print(plain.headers)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['5:no-secret-in-log:error', '8:no-secret-in-log:error']);
  });

  it('prints every field of an instance through vars(self) and self.__dict__, but not their names', async () => {
    const list = await findings(
      [
        'from pathlib import Path',
        'class Model:',
        '    def __init__(self, **kwargs):',
        '        self._secrets = kwargs["secrets"]',
        '        self.token = Path("/secrets/hf_token").read_text()',
        '    def load(self):',
        '        print(vars(self))',
        '        print(self.__dict__)',
        '        print(self.__dict__.keys())',
        'class Plain:',
        '    def __init__(self, size):',
        '        self.size = size',
        '    def show(self):',
        '        print(vars(self), self.__dict__)',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['7:no-secret-in-log:error', '8:no-secret-in-log:error']);
  });

  it('reads a getter that only returns a stand-in by its name, and logs through logging.root', async () => {
    const list = await findings(['import logging', 'def get_password():', '    return "<PASSWORD>"', 'def get_secret():', '    return "****"', 'logging.root.info("pw %s", get_password())', 'print(get_secret())'].join('\n'));
    expect(summary(list)).toEqual(['6:no-secret-in-log:error']);
  });

  it('reads an imported call by its name as the TypeScript engine does: named for a secret it returns, not one it works with', async () => {
    const list = await findings(
      [
        'from vault import api_key, generate_password, get_api_key_from_env, sign_with_private_key, check_password, login_with_password',
        'print(api_key())',
        'print(generate_password())',
        'print(get_api_key_from_env())',
        'print(sign_with_private_key(b"x"))',
        'print(check_password("p"))',
        'print(login_with_password("u", "p"))',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['2:no-secret-in-log:error', '3:no-secret-in-log:error', '4:no-secret-in-log:error']);
  });

  it('reports a secret a Streamlit or Gradio app shows its users, and not what only says whether it is set', async () => {
    const list = await findings(
      [
        'import os',
        'import streamlit as st',
        'import gradio as gr',
        'key = os.environ["OPENAI_API_KEY"]',
        'st.write(st.secrets["HF_TOKEN"])',
        'st.sidebar.markdown(f"Using key `{key}`")',
        'st.text_input("Key", value=key)',
        'gr.Textbox(value=key)',
        'st.write("key set" if key else "no key")',
        'st.metric("length", len(key))',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['5:no-secret-in-output:error', '6:no-secret-in-output:error', '7:no-secret-in-output:error', '8:no-secret-in-output:error']);
  });

  it('reads a number after a sanitizing word as part of the word: hashed1() hides what it is given', async () => {
    const list = await findings(['actually_ok_password_1 = hashed1()', 'print(actually_ok_password_1)', 'raw_password = fetch1()', 'print(raw_password)'].join('\n'));
    expect(summary(list)).toEqual(['4:no-secret-in-log:error']);
  });
});

describe('keys and tokens made for the caller', () => {
  const app = [
    'import logging, os, secrets, uuid',
    'import jwt',
    'from fastapi import FastAPI',
    'app = FastAPI()',
    'log = logging.getLogger(__name__)',
    '@app.post("/keys")',
    'def create_key(user: str):',
    '    api_key = "sk_" + secrets.token_urlsafe(32)',
    '    log.info("created key %s", api_key)',
    '    return {"api_key": api_key}',
    '@app.post("/login")',
    'def login(user: str):',
    '    token = jwt.encode({"sub": user}, os.environ["JWT_SECRET"], algorithm="HS256")',
    '    print("issued", token)',
    '    access_token = jwt.encode({"sub": user}, os.environ["JWT_SECRET"])',
    '    return {"access_token": access_token}',
  ];

  it('reports a minted key or a signed token where it is logged, not where the route returns it', async () => {
    expect(summary(await findings(app.join('\n')))).toEqual(['9:no-secret-in-log:error', '14:no-secret-in-log:error']);
  });

  it('still reports a secret read elsewhere that rides along with a minted fallback', async () => {
    const list = await findings([...app.slice(0, 6), 'def debug():', '    api_key = os.environ.get("API_KEY") or secrets.token_hex(16)', '    request_id = str(uuid.uuid4())', '    print("request", request_id)', '    return {"api_key": api_key}'].join('\n'));
    expect(summary(list)).toEqual(['11:no-secret-in-output:error']);
  });

  it('keeps a minted key stored on self the caller\'s own, and raised it is still an error', async () => {
    const list = await findings(
      [
        'import secrets',
        'from cog import BasePredictor',
        'class Predictor(BasePredictor):',
        '    def setup(self):',
        '        self.session_secret = secrets.token_hex(32)',
        '    def predict(self, prompt: str) -> dict:',
        '        if not prompt:',
        '            raise ValueError(f"empty prompt for session {self.session_secret}")',
        '        return {"session_secret": self.session_secret}',
      ].join('\n'),
    );
    expect(summary(list)).toEqual(['8:no-secret-in-error:error']);
  });
});

describe('bad input', () => {
  it('analyses what it can of a file with syntax errors', async () => {
    const list = await findings('def broken(:\n  pass\nimport os\nprint(os.environ["HF_TOKEN"])\nclass (\n');
    expect(summary(list)).toEqual(['4:no-secret-in-log:error']);
  });

  it('survives deep nesting and large files', async () => {
    const deep = `import os\nkey = os.environ["HF_TOKEN"]\nx = ${'('.repeat(5000)}key${')'.repeat(5000)}\nprint(${Array(5000).fill('key').join(' + ')})\n`;
    expect(summary(await findings(deep))).toEqual(['4:no-secret-in-log:error']);
    const big = 'import os\n' + 'def f%(i)(x):\n    return x * 2\n'.repeat(1).replace('%(i)', '0') + Array.from({ length: 20_000 }, (_, i) => `def f${i}(x):\n    return [x, ${i}]\n`).join('') + 'print(os.environ["HF_TOKEN"])\n';
    const list = await findings(big);
    expect(list).toHaveLength(1);
    expect(list[0]!.ruleId).toBe('no-secret-in-log');
  });

  it('reports nothing for an empty or binary-looking file', async () => {
    expect(await findings('')).toEqual([]);
    expect(await findings('\u0000\u0001secret\u0002http://x\u0000')).toEqual([]);
  });
});
