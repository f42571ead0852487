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
