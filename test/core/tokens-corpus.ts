import { createHash } from 'node:crypto';
import type { TokenEntry } from '@secret-hygiene/core';

/** A small deterministic PRNG (mulberry32), so the corpora are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const WORDS = ['user', 'account', 'settings', 'panel', 'render', 'token', 'count', 'request', 'handler', 'cache', 'model',
  'weights', 'config', 'loader', 'stream', 'buffer', 'session', 'manager', 'provider', 'context', 'validate', 'format',
  'payload', 'response', 'client', 'service', 'factory', 'builder', 'options', 'default', 'inference', 'pipeline'];
const SENTENCES = ['The quick brown fox jumps over the lazy dog', 'Hello world, this is a configuration file',
  'Model weights are downloaded on first use', 'Please set your API key in the environment', 'Lorem ipsum dolor sit amet consectetur',
  'Returns the number of tokens in the prompt', 'An error occurred while loading the checkpoint'];

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}
function chars(rng: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}
function uuid(rng: () => number): string {
  return [8, 4, 4, 4, 12].map((n) => chars(rng, HEX, n)).join('-');
}
function camel(rng: () => number, n: number): string {
  return Array.from({ length: n }, (_, i) => {
    const w = pick(rng, WORDS);
    return i === 0 ? w : w[0]!.toUpperCase() + w.slice(1);
  }).join('');
}

/** Strings that look random or secret-shaped but are not credentials, each in a line of realistic context. */
export function lookAlikeCorpus(size = 40): string[] {
  const rng = random(7);
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const sha1 = createHash('sha1').update(String(i)).digest('hex');
    const sha256 = createHash('sha256').update(String(i)).digest('hex');
    const sha512 = createHash('sha512').update(String(i)).digest('base64');
    const sentence = pick(rng, SENTENCES);
    out.push(
      `commit ${sha1}`,
      `git checkout ${sha1.slice(0, 7)}`,
      `"resolved": "https://registry.npmjs.org/${pick(rng, WORDS)}/-/${pick(rng, WORDS)}-1.${i}.0.tgz",`,
      `"integrity": "sha512-${sha512}",`,
      `  integrity sha1-${createHash('sha1').update(`x${i}`).digest('base64')}`,
      `sha256 = "${sha256}"`,
      `image: python@sha256:${sha256}`,
      `checksum: ${createHash('md5').update(String(i)).digest('hex')}`,
      `id = "${uuid(rng)}"`,
      `const requestId = '${uuid(rng)}';`,
      `"trace_id": "${chars(rng, HEX, 32)}",`,
      `encoded = "${Buffer.from(sentence).toString('base64')}"`,
      `const ${camel(rng, 4)} = ${camel(rng, 3)}();`,
      `export const ${camel(rng, 3)}Key = '${camel(rng, 4)}';`,
      `color: #${chars(rng, HEX, 6)};`,
      `background: linear-gradient(#${chars(rng, HEX, 6)}, #${chars(rng, HEX, 3)});`,
      `path = "/usr/local/lib/python3.11/site-packages/${pick(rng, WORDS)}/${pick(rng, WORDS)}_${pick(rng, WORDS)}.py"`,
      `url = "https://api.example.org/v1/${pick(rng, WORDS)}/${chars(rng, ALNUM, 12)}?page=${i}"`,
      `DATABASE_URL=postgres://${pick(rng, WORDS)}@localhost:5432/${pick(rng, WORDS)}`,
      `src="data:image/png;base64,iVBORw0KGgo${chars(rng, ALNUM, 60)}"`,
      `var ${chars(rng, 'abcdefghijklmnopqrstuvwxyz', 1)}=function(${chars(rng, 'abcdefghijklmnopqrstuvwxyz', 1)}){return ${chars(rng, 'abcdefghijklmnopqrstuvwxyz', 2)}.${camel(rng, 2)}}`,
      `version = "${i}.${i % 7}.${i % 3}-rc.${i}"`,
      `timestamp: ${1_700_000_000_000 + i * 7919}`,
      `max_tokens = ${256 * (i + 1)}`,
      `next_page_token = response["${camel(rng, 2)}"]`,
      `api_key = os.environ["${pick(rng, ['OPENAI_API_KEY', 'HF_TOKEN', 'ANTHROPIC_API_KEY', 'REPLICATE_API_TOKEN'])}"]`,
      `const apiKey = process.env.${pick(rng, ['OPENAI_API_KEY', 'HF_TOKEN', 'ANTHROPIC_API_KEY'])};`,
      `token: \${{ secrets.${pick(rng, ['NPM_TOKEN', 'GITHUB_TOKEN', 'HF_TOKEN'])} }}`,
      `password: "{{ .Values.${pick(rng, WORDS)}.password }}"`,
      `secret_name = "${pick(rng, WORDS)}-${pick(rng, WORDS)}-secret"`,
      `hf_access_token: null`,
      `passwordHash = "$2b$12$${chars(rng, ALNUM, 53)}"`,
      `key: "${pick(rng, WORDS)}.${pick(rng, WORDS)}.${pick(rng, WORDS)}"`,
      `"${camel(rng, 2)}": "${camel(rng, 5)}",`,
      `<meta name="csrf-param" content="authenticity_token" />`,
    );
  }
  out.push(...PLACEHOLDERS.map((p) => `API_KEY="${p}"`), ...PLACEHOLDERS.map((p) => `const token = '${p}';`));
  return out;
}

/** Values people write where a real credential would go. */
export const PLACEHOLDERS = [
  'your_api_key_here', 'YOUR_API_KEY', '<token>', '<YOUR_HF_TOKEN>', 'xxxx', 'xxxxxxxxxxxxxxxxxxxxxxxx', '${OPENAI_API_KEY}', '{{HF_TOKEN}}',
  'sk-...', 'sk-proj-...', 'hf_...', 'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'changeme', 'ENTER HF ACCESS TOKEN HERE', 'REDACTED', '[REDACTED]',
  '********', 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'sk_test_1234567890abcdef', 'dummy-api-key', 'fake_token_for_tests', 'test-secret',
  'sk-ant-api03-...', 'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'insert-your-token', 'replace-me', 'TODO', '%s', 'hf_XXXXXXXXXXXXXXXX',
  'my-secret-key', 'secret', 'password', 'placeholder', 'sk_live_...', 'xoxb-your-token', 'glpat-xxxxxxxxxxxxxxxxxxxx', 'npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'abc123', '123456', 'EXAMPLE_TOKEN', 'sk-1234567890abcdef', 'AIzaSy...', 'example-key', 'sample_token', 'os.getenv("HF_TOKEN")',
];

/** Every entry's synthetic examples, each also wrapped in the places real code puts credentials. */
export function positiveCorpus(entries: readonly TokenEntry[]): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const entry of entries) {
    for (const example of entry.examples.match) {
      out.push({ id: entry.id, text: example });
      if (example.includes('\n') || entry.kind === 'structural') continue;
      // A bare value (no context of its own) placed in code and config the way users write it.
      const bare = !/[=:\s"]/.test(example);
      if (!bare) continue;
      out.push(
        { id: entry.id, text: `const client = new Client({ apiKey: "${example}" });` },
        { id: entry.id, text: `TOKEN = '${example}'` },
        { id: entry.id, text: `  token: ${example}` },
        { id: entry.id, text: `{"credentials": "${example}"}` },
      );
    }
  }
  return out;
}

/** Hand-written look-alikes: references, placeholders, dummies, hashes and public identifiers. */
export const HARD_LOOKALIKES = [
  'const OPENAI_API_KEY = "sk-...";',
  'api_key = "sk-proj-abc123..."',
  'HF_TOKEN="hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
  'token = "<YOUR_TOKEN>"',
  'REPLICATE_API_TOKEN=${REPLICATE_API_TOKEN}',
  'password: changeme',
  'const key = "ENTER HF ACCESS TOKEN HERE";',
  'secret = "[REDACTED]"',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  '"integrity": "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXGOSJfT0Yw+eVB4LDkJ/b4gOzeA==",',
  'commit_sha = "da39a3ee5e6b4b0d3255bfef95601890afd80709"',
  'const id = "123e4567-e89b-12d3-a456-426614174000";',
  'const key = "userProfileSettingsPanelHeaderTitle";',
  'token = "dGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw=="',
  'api_key = "test_api_key_123"',
  'stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"',
  'GITHUB_TOKEN=ghp_000000000000000000000000000000000000',
  'const secret = "abcdefghijklmnopqrstuvwxyz123456";',
  'password = "password123"',
  'key = "my-component-key-42"',
  'etag: "33a64df551425fcc55e4d42a148795d9f25f89d4"',
  'sha256:3f786850e387550fdab836ed7e6dc881de23001b',
  'model_revision = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"',
  'WANDB_PROJECT=my-awesome-project',
  'auth: { type: "bearer" }',
  'tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf")',
  'const passwordField = document.getElementById("password-input");',
  'hf_hub_download(repo_id="bert-base-uncased", filename="config.json")',
  'export const MAX_TOKENS_PER_REQUEST_LIMIT = 4096;',
  'ghp_abc...xyz',
  'sk-ant-api03-************************',
  '"key": "src/components/Button.tsx"',
  'secretKeyRef:\n  name: db-secret\n  key: password',
  'DATABASE_URL=postgresql://user:${DB_PASSWORD}@db:5432/app',
  'redis://default:<password>@redis-12345.c1.us-east-1.ec2.cloud.redislabs.com:12345',
  'api_key: str = Field(..., description="Your OpenAI API key")',
  'Authorization: Bearer <YOUR_API_KEY>',
  'curl -H "Authorization: Bearer $REPLICATE_API_TOKEN" https://api.replicate.com/v1/predictions',
  'const apiKey = process.env.OPENAI_API_KEY ?? "";',
  'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'xoxb-your-bot-token',
  '"sourceMappingURL": "data:application/json;base64,eyJ2ZXJzaW9uIjozLCJzb3VyY2VzIjpbIi4uL3NyYy9pbmRleC50cyJdfQ=="',
  'const hash = createHash("sha256").update(token).digest("hex");',
  'nonce = "f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3"',
  'session_id = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"',
  'const publishableKey = "pk_live_51HqLyjWDarjtT1zdp7dcLmNoPqRsTuVwXyZ";',
  'client_id = "1234567890-abcdefghijklmnopqrstuvwxyz123456.apps.googleusercontent.com"',
  'SENTRY_DSN=https://abc123def4567890abc123def4567890@o123456.ingest.sentry.io/1234567',
  'password = "${{ secrets.DB_PASSWORD }}"',
  'token: "{{ hf_token }}"',
  'export HF_TOKEN=$(cat /secrets/hf_access_token)',
  'key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host"',
  'api_key = "abc123xyz"', 'password: "Test1234!"', 'secret = "mysecretpassword"', 'DB_PASS=admin',
  'password = getpass.getpass()', 'password: !vault |', 'cache_key = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"',
  'const STRIPE_PUBLISHABLE_KEY = "pk_test_TYooMQauvdEDq54NiTphI7jx";', 'TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef',
  '"key": "settings.notifications.emailDigest.title"', 'const token = crypto.randomBytes(32).toString("hex");',
  'headers: { "x-api-key": apiKey }', 'secret: ${{ secrets.REPLICATE_API_TOKEN }}', 'FLASK_SECRET_KEY=dev',
  'export OPENAI_API_KEY="sk-proj-REPLACE_ME"', 'HF_TOKEN = "hf_YOUR_TOKEN_HERE"', 'token="xoxb-not-a-real-token-this-will-not-work"',
  'AUTH0_DOMAIN=dev-abc123.us.auth0.com', 'client_id: 9f86d081884c7d659a2feaa0c55ad015', 'GOOGLE_CLIENT_ID=123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com',
  'image: "nvcr.io/nvidia/tritonserver:24.01-py3"', 'weights_url = "https://weights.replicate.delivery/default/sdxl/sdxl-vae-upcast-fix.tar"',
  'key: "AKIAIOSFODNN7EXAMPLE"', 'const encoded = "U29tZSBvcmRpbmFyeSB0ZXh0IHRoYXQgaXMgbm90IGEgc2VjcmV0IGF0IGFsbA==";',
  'model = "meta/llama-2-70b-chat:02e509c789964a7ea8736978a43525956ef40397be9033abf9fd2badfe68c9e3"',
  'version: "39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b"',
];

/** Hand-written credentials in the places people put them (values split so this file holds no literal token). */
export const HARD_POSITIVES = [
  'OPENAI_API_KEY=sk-' + 'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8',
  'client = Replicate(api_token="r8_' + 'Hq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8h"',
  'HUGGING_FACE_HUB_TOKEN = "hf_' + 'QwErTyUiOpAsDfGhJkLzXcVbNmQaZwSxEd"',
  'ANTHROPIC_API_KEY=sk-ant-api03-' + 'a'.repeat(0) + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ4rS6tU8vW-AA',
  'password = "Tr0ub4dor&3xK9!"',
  'db_password: "q8Zr2LmX7vN4pT6w"',
  'const stripe = new Stripe("sk_live_' + '51HqLyjWDarjtT1zdp7dcQwErTyUiOp");',
  '"aws_secret_access_key": "' + 'Jk8/Lm2+Nq4Rs6Tu8Vw0Xy1Za3Bc5De7Fg9Hi1Jk"',
  'mongodb+srv://appUser:' + 'Xq7LmN2pQ4r@cluster0.abcde.mongodb.net/prod',
  'curl -u admin:' + 'S3cr3tP4ssw0rd https://jenkins.internal/api',
  'curl https://api.openai.com/v1/models -H "Authorization: Bearer sk-proj-' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ4rS6tU8"',
  'SECRET_KEY = "django-insecure-' + 'q8@z2!lmx7vn4pt6w$e5r3y1u9i0o-p+a7s6d"',
  'slack_webhook = "https://hooks.slack.com/services/' + 'T0A1B2C3D/B0A1B2C3D4E/Xq7LmN2pQ4rS6tU8vW0xYz1A"',
  'WANDB_API_KEY=' + '7f3a9c2e1b8d4f6a0c5e9b2d7f1a3c8e6b4d0f2a',
  'DD_API_KEY=' + '9c2e1b8d4f6a0c5e9b2d7f1a3c8e6b4d',
  'jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + 'eyJzdWIiOiJ1c2VyXzQyIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzAwMDAwMDAwfQ.' + 'k9Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9k"',
  'github_token: ghp_' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G',
  'token = "glpat-' + 'Xq7LmN2pQ4rS6tU8vW0x"',
  'NPM_TOKEN=npm_' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G',
  'heroku_api_key = "' + '9c2e1b8d-4f6a-0c5e-9b2d-7f1a3c8e6b4d"',
  'const key = "AIza' + 'SyXq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6"',
  'TELEGRAM_TOKEN=' + '123456789:AAXq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6',
  'SENDGRID_API_KEY=SG.' + 'Xq7LmN2pQ4rS6tU8vW0xYz.Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1',
  'api_key = "' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5"',
  'MISTRAL_API_KEY=' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E',
  'cohere_key = "' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9"',
  'PERPLEXITY_API_KEY=pplx-' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ',
  'groq = Groq(api_key="gsk_' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ4rS6")',
];
