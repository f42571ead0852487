import { describe, expect, it } from 'vitest';
import { classifyLiteral, scanTokens } from '@secret-hygiene/core';

// Synthetic values in documented shapes, assembled at run time.
const HEX32 = '7f3a9c2e1b8d4f6a' + '0c5e9b2d7f1a3c8e';
const HEX40 = HEX32 + '6b4d0f2a';
const OPENAI = 'sk-proj-' + 'Xq7LmN2pQ4rS6tU8vW0xYz1A2b3C4d5E6f7G8hJ9kL1mN2pQ4rS6tU8';

describe('context decides prefix-less formats', () => {
  it('finds a provider key when the provider is named nearby', () => {
    expect(scanTokens(`DD_API_KEY=${HEX32}`).map((m) => m.detector)).toEqual(['datadog-api-key']);
    expect(scanTokens(`wandb.login(key="${HEX40}")`).map((m) => m.detector)).toEqual(['wandb-api-key']);
  });

  it('ignores the same shape with no provider nearby', () => {
    expect(scanTokens(`checksum ${HEX32}`)).toEqual([]);
  });

  it('ignores a digest or revision next to the provider name', () => {
    expect(scanTokens(`pip install git+https://github.com/wandb/wandb@${HEX40}`)).toEqual([]);
    expect(scanTokens(`datadog agent image sha256 ${HEX32}${HEX32}`)).toEqual([]);
    expect(scanTokens(`DATADOG_TRACE_ID = "${HEX32}"`)).toEqual([]);
  });
});

describe('values that are not credentials', () => {
  it('skips a prefix spelled by chance inside a base64 blob, not a token written whole or in a URL path', () => {
    const facebook = 'EAAGJHiTPidEa7uG504NjCpKwMoOq8bxoSz1MU9IGu2iexpaawIt7zDllqHOqkG31zkdBo5Zkbk4P4mQUVs0oFQ9K4fFglS6I5iroFYRsXXcqvAiE';
    const blob = 'AGFzbQEAAAABJwdgAX8Bf2ADf39/AX9gAX8AYAJ/fwBgBH9/f38Bf2AAAGADf39/AALLAQgDZW52GHdhc21fb25f'.repeat(2);
    expect(scanTokens(`module.exports = Buffer.from('${blob}/${facebook}+${blob}', 'base64');`)).toEqual([]);
    expect(scanTokens(`FB_ACCESS_TOKEN=${facebook}`).map((m) => m.detector)).toEqual(['facebook-access-token']);
    expect(scanTokens(`fetch('https://graph.facebook.com/v19.0/me/photos/${facebook}')`).map((m) => m.detector)).toEqual(['facebook-access-token']);
  });

  it('skips names and stand-ins: a role path, a camelCase name with an abbreviation, a documented default password', () => {
    expect(scanTokens("ROLE_IAM_SERVICE_ACCOUNT_TOKEN_CREATOR = 'roles/iam.serviceAccountTokenCreator'")).toEqual([]);
    expect(scanTokens("linkedVpcNetwork.yesno(yes='N/A'), linkedInterconnectAttachments.uris")).toEqual([]);
    expect(scanTokens("_DEFAULT_PASSWORD = 'notasecret'")).toEqual([]);
    expect(scanTokens('LINKEDIN_CLIENT_SECRET=5bCSWX1bvIEgqXTG').map((m) => m.detector)).toEqual(['linkedin-client-secret']);
  });

  it('skips truncated values', () => {
    expect(scanTokens(`key: ${OPENAI}...`)).toEqual([]);
    expect(scanTokens(`key: ${OPENAI}`).length).toBe(1);
  });

  it('skips sample keys from providers\u2019 documentation and publishable keys', () => {
    expect(scanTokens('stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"')).toEqual([]);
    expect(scanTokens(`const publishableKey = "pk_live_${'51HqLyjWDarjtT1zdp7dcQwErTy'}";`)).toEqual([]);
  });

  it('leaves names that only talk about secrets alone in the generic rule', () => {
    for (const name of ['passwordHash', 'nextPageToken', 'maxTokens', 'secretName', 'tokenUrl']) {
      expect(classifyLiteral('Zr8kL2pQ9mV4xT7wHq3', { name }), name).toBeUndefined();
    }
    for (const name of ['password', 'clientSecret', 'OPENAI_API_KEY', 'db_pwd', 'authToken']) {
      expect(classifyLiteral('Zr8kL2pQ9mV4xT7wHq3', { name })?.detector, name).toBe('generic-secret-assignment');
    }
  });

  it('takes a typed password under a secret name, judging its entropy by its length', () => {
    // Eight to thirteen characters cannot reach the 2.8 bits a long token needs; one repeat is no sign of a stand-in.
    for (const value of ['s3cr3tP4ss', 'R3disP4ss', 'Pa55w0rd', 'hunter2x']) {
      expect(classifyLiteral(value, { name: 'password' })?.detector, value).toBe('generic-secret-assignment');
    }
    // Repetition, keyboard runs and stand-ins still say it is no credential.
    for (const value of ['aaaa1111', 'pass1234', 'password123', 'mypassword']) {
      expect(classifyLiteral(value, { name: 'password' }), value).toBeUndefined();
    }
  });

  it('takes one typed word under a password name, but not a label, a field reference or a word about the field', () => {
    for (const [name, value] of [['password', 'secretpassword'], ['DB_PASSWORD', 'supersecret'], ['smtpPass', 'letmein1']]) {
      expect(classifyLiteral(value!, { name: name! })?.detector, value).toBe('generic-secret-assignment');
    }
    for (const value of ['Passwort', 'user_password', 'passwordInput', 'encrypted', 'plaintext', 'required']) {
      expect(classifyLiteral(value, { name: 'password' }), value).toBeUndefined();
    }
    // Documentation shows example passwords: one typed word there is no finding, a random value still is.
    expect(scanTokens('POSTGRES_PASSWORD: secretpassword', { path: 'README.md' })).toEqual([]);
    expect(scanTokens('POSTGRES_PASSWORD: secretpassword', { path: 'docker-compose.yml' }).map((m) => m.detector)).toEqual(['generic-secret-assignment']);
    expect(scanTokens('POSTGRES_PASSWORD: Zq8vLm2xR4pT', { path: 'README.md' }).map((m) => m.detector)).toEqual(['generic-secret-assignment']);
    // A token or key is machine-made: one word there is a name, not a value.
    expect(classifyLiteral('supersecret', { name: 'apiKey' })).toBeUndefined();
    expect(classifyLiteral('supersecret', { name: 'authToken' })).toBeUndefined();
  });

  it('reads a comparison with a literal as a hardcoded credential', () => {
    expect(scanTokens('if password == "R3disP4ss":\n    login()', { path: 'app.py' }).map((m) => m.detector)).toEqual(['generic-secret-assignment']);
    expect(scanTokens("if (apiToken !== 'Zr8kL2pQ9mV4xT7wHq3') deny();", { path: 'auth.ts' }).map((m) => m.detector)).toEqual(['generic-secret-assignment']);
    expect(scanTokens('if password == "":\n    login()', { path: 'app.py' })).toEqual([]);
  });
});
