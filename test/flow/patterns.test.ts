import { describe, expect, it } from 'vitest';
import { rules } from './helpers.js';

// Everyday shapes of clear-text logging, error and output leaks, and their everyday look-alikes.
const LOG = 'no-secret-in-log';
const ERROR = 'no-secret-in-error';
const OUTPUT = 'no-secret-in-output';
const HTTPS = 'require-https';

const leaks: Array<[string, string]> = [
  [LOG, 'var password = "sdfsdf";\nconsole.log(password);'],
  [LOG, 'console.log("Password is: " + password);'],
  [LOG, "var { password } = require('./config');\nconsole.log(password);"],
  [LOG, 'console.log(JSON.stringify({ password: pw }));'],
  [LOG, "console.log('%s', password);"],
  [LOG, "const winston = require('winston');\nwinston.info(password);"],
  [LOG, "logger.log('info', password);"],
  [LOG, 'console.log(config.db.password);'],
  [LOG, 'const pass = process.env.PASSWORD;\nconsole.log(pass);'],
  [LOG, 'app.post("/login", (req, res) => { console.log(req.body.password); res.send("ok"); });'],
  [LOG, 'app.use((req, res, next) => { console.log(req.headers.authorization); next(); });'],
  [LOG, 'const creds = { user, password };\nconsole.log(creds);'],
  [LOG, 'console.log(apiKey.substring(0, 10));'],
  [LOG, "const { data } = await axios.get('https://x');\nconst token = data.access_token;\nconsole.log(token);"],
  [LOG, 'console.log(`Bearer ${accessToken}`);'],
  [LOG, "logger.debug('headers', { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` });"],
  [LOG, "import { OPENAI_API_KEY } from './env';\nconsole.log(OPENAI_API_KEY);"],
  [OUTPUT, 'export async function predict({ apiKey }) { return apiKey; }'],
  [OUTPUT, "const config = { apiKey: process.env.OPENAI_API_KEY, model: 'x' };\napp.get('/config', (req, res) => res.json(config));"],
  [OUTPUT, 'app.get("/", (req, res) => res.send(`Your key: ${process.env.API_KEY}`));'],
  [ERROR, "const e = new Error('auth failed for ' + password);"],
  [ERROR, 'function f(cb) { cb(new Error(`bad ${process.env.API_TOKEN}`)); }'],
  [ERROR, 'throw { message: `no access with ${process.env.API_TOKEN}` };'],
  [HTTPS, "const request = require('request');\nrequest('http://api.example.com/x');"],
  [HTTPS, "const u = new URL('http://api.example.com/x');\nfetch(u);"],
  [HTTPS, 'fetch(`http://api.example.com/users/${id}`);'],
  [HTTPS, "const API_URL = 'http://api.example.com';\nconst c = axios.create({ baseURL: API_URL });"],
  [HTTPS, "import http from 'node:http';\nhttp.get('http://example.com/status', (res) => res.resume());"],
  [HTTPS, "async function get(url: string) { return fetch(url); }\nget('http://api.example.com/x');"],
  [LOG, 'class Model { constructor({ secrets }) { this._secrets = secrets; } load() { console.log(this._secrets); } }'],
  [LOG, "const { data: { apiKey } } = await client.get('/x');\nconsole.log(apiKey);"],
  [LOG, 'const config = { apiKey: process.env.X_API_KEY };\nconsole.log(`Config: ${JSON.stringify(config)}`);'],
  [LOG, "const config = { apiKey: process.env.X_API_KEY };\nlogger.info('Config loaded', config);"],
  [LOG, 'console.table(credentials);'],
  [LOG, 'console.log(...[apiKey]);'],
  [LOG, "logger.info(util.format('key=%s', process.env.OPENAI_API_KEY));"],
  [LOG, "console.log(Buffer.from(apiKey, 'utf8'));"],
  [OUTPUT, 'class App { async setup(config) { this.apiKey = process.env.API_KEY; } async run(input) { return { result: 1, debug: this.apiKey }; } }'],
  [OUTPUT, "app.get('/', (req, res) => { res.setHeader('X-Debug-Key', process.env.OPENAI_API_KEY); res.end(); });"],
  [OUTPUT, 'export async function GET() { return NextResponse.json({ key: process.env.OPENAI_API_KEY }); }'],
  [ERROR, 'throw new HttpException(`Invalid key ${process.env.OPENAI_API_KEY}`, 401);'],
  [LOG, "import pino from 'pino';\nconst log = pino({ redact: ['apiKey'] });\nlog.info({ key: process.env.OPENAI_API_KEY });"],
  [LOG, "class Uploader {\n  constructor(key) { this.key = key; }\n  upload() { console.log('uploading with ' + this.key); }\n}\nnew Uploader(process.env.OPENAI_API_KEY);"],
  [ERROR, "class C {\n  constructor(private readonly auth: string) {}\n  async go() {\n    await fetch('https://x.example.com', { headers: { Authorization: `Api-Key ${this.auth}` } });\n    throw new Error(`failed with ${this.auth}`);\n  }\n}"],
  // A literal the token detector recognises is a source whatever its variable is called.
  [LOG, `const t = '${'ghp_'}a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';\nconsole.log(t);`],
  [LOG, "import pino from 'pino';\nconst log = pino({ redact: ['apiKey'] });\nlog.info(`key ${process.env.OPENAI_API_KEY}`);"],
];

const lookAlikes: string[] = [
  'console.log(bcrypt.hashSync(password, 10));',
  'console.log("password:", "********");',
  'console.log(user.passwordResetExpires);',
  "console.log('Token expires at', token.expiresAt);",
  'console.log(encrypt(password));',
  'const token = jwt.sign(payload, process.env.JWT_SECRET);\nres.json({ token });',
  'console.log(`Using ${modelName} with max_tokens ${maxTokens}`);',
  'const key = `${prefix}:${id}`;\nconsole.log(key);',
  'for (const [key, value] of Object.entries(obj)) console.log(key, value);',
  'const secretsManager = new SecretsManager();\nconsole.log(secretsManager);',
  "console.log('Missing OPENAI_API_KEY');",
  'const apiKeyPresent = !!process.env.OPENAI_API_KEY;\nconsole.log(apiKeyPresent);',
  "if (!process.env.OPENAI_API_KEY) { console.error('OPENAI_API_KEY not set'); process.exit(1); }",
  'console.log(`Loaded ${Object.keys(secrets).length} secrets`);',
  'const password = await bcrypt.hash(input, 10);\nconsole.log(password);',
  "const apiKey = process.env.OPENAI_API_KEY;\nconst shown = apiKey ? '(set)' : '(not set)';\nconsole.log({ model: 'gpt-4o', apiKey: shown });",
  "export function show(password: string) { console.log(password.replace(new RegExp('.', 'g'), '*')); }",
  "const apiKey = process.env.OPENAI_API_KEY;\nif (!apiKey) console.warn(`OPENAI_API_KEY is empty (${JSON.stringify(apiKey)})`);",
  'function f(token: unknown) { if (typeof token !== "string" || !token) throw new Error(`expected a string, got ${token}`); }',
  "console.log(`${'*'.repeat(apiKey.length)}`);",
  "logger.info({ apiKey: '[REDACTED]' });",
  "logger.info({ apiKey: apiKey ? '***' : undefined });",
  "const config = { apiKey: process.env.X_API_KEY, model: 'm' };\nconst redacted = { ...config, apiKey: undefined };\nconsole.log(redacted);",
  "const config = { apiKey: process.env.X_API_KEY, model: 'm' };\nconst safe = { ...config };\ndelete safe.apiKey;\nconsole.log(safe);",
  "console.log('Response:', await response.text());",
  'console.log(`${apiKey.substr(0, 4)}****`);',
  'class Model { constructor({ secrets }) { this._secrets = secrets; } load() { console.log(Object.keys(this._secrets)); } }',
  "app.get('/', (req, res) => { res.setHeader('Content-Type', 'text/plain'); res.end('ok'); });",
  "import pino from 'pino';\nconst log = pino({ redact: ['apiKey', 'req.headers.authorization'] });\nlog.info({ apiKey: process.env.OPENAI_API_KEY, model: 'gpt' });",
  "import pino from 'pino';\nconst log = pino({ redact: { paths: ['*.password'], censor: '***' } }).child({ svc: 'a' });\nlog.warn({ user: { name: 'x', password: process.env.DB_PASSWORD } });",
  "console.log('/v1/chat/completions', 'application/json', 'text/event-stream', 'gpt-4o-mini-2024-07-18');",
  "async function get(url: string) { return fetch(url); }\nget('https://api.example.com/x');\nget('http://localhost:8080/health');",
  "class Uploader {\n  constructor(key) { this.key = key; }\n  upload() { console.log('uploading with ' + this.key); }\n}\nnew Uploader('public-bucket');",
  "class Client {\n  constructor(private readonly cfg: { k: string; region: string }) {}\n  go() { console.log(this.cfg.region); }\n}\nnew Client({ k: process.env.OPENAI_API_KEY ?? '', region: 'eu' });",
  "const id = '3f2a9c4e-8b1d-4e6f-9a7c-2d5e8f1a3b4c';\nconsole.log(id);",
];

describe('everyday leaks', () => {
  it.each(leaks)('%s: %s', (rule, code) => expect(rules(code)).toEqual([rule]));
});

describe('everyday look-alikes', () => {
  it.each(lookAlikes)('%s', (code) => expect(rules(code)).toEqual([]));
});
