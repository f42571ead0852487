import { describe, expect, it } from 'vitest';
import { NameClassifier, catalogDocument, defaultNameClassifier, splitWords, type NameVocabulary } from '@secret-hygiene/core';

const names = defaultNameClassifier();

describe('secret-name classifier', () => {
  it.each([
    'password', 'passwd', 'pwd', 'passphrase', 'secret', 'apiKey', 'api_key', 'API_KEY', 'x-api-key', 'apikey',
    'accessToken', 'access_token', 'authToken', 'bearerToken', 'refreshToken', 'privateKey', 'private_key',
    'clientSecret', 'client_secret', 'credentials', 'creds', 'HF_TOKEN', 'OPENAI_API_KEY', 'GITHUB_TOKEN',
    'REPLICATE_API_TOKEN', 'STRIPE_SECRET_KEY', 'DB_PASSWORD', 'jwtSecret', 'webhookSecret', 'encryptionKey',
    'signingKey', 'authKey', 'user_password', 'newPassword', 'rawPassword', 'hfToken', 'githubToken',
    'secretKey', 'openaiKey', 'authorization', 'Authorization', 'sessionCookie', 'masterKey', 'MY_SERVICE_TOKEN',
    'NGROK_AUTHTOKEN', 'apitoken', 'accesstoken', 'DB_PASS', 'SMTP_PASS', 'dbPass', 'redis_pass', 'userPass',
    'apiKeys', 'API_KEYS', 'OPENAI_API_KEYS', 'accessTokens', 'AUTH_TOKENS', 'idTokens',
    'my_secret_password_for_email', 'passwordForSmtpServer', 'api_key_for_openai', 'secretOfTheApp',
    'password2', 'apiKey2', 'secret1', 'pwd3', 'api_key_from_env', 'passwordFromFile', 'secretFromVault',
    'resetToken', 'reset_token',
  ])('%s names a secret', (name) => expect(names.classify(name)).toBe('secret'));

  it.each([
    'passwordHash', 'password_hash', 'hashedPassword', 'crypted_password', 'passwordRequired', 'password_prompt',
    'passwordLength', 'hasToken', 'isSecret', 'hasPassword', 'requiresPassword', 'nextToken', 'nextPageToken', 'pageToken',
    'maxTokens', 'max_tokens', 'tokenCount', 'tokens', 'tokenizer', 'secretName', 'secretArn', 'SECRET_NAME',
    'keyId', 'keyName', 'apiKeyHeader', 'apiKeyEnvVar', 'tokenUrl', 'TOKEN_URL', 'authorizationUrl',
    'maskedToken', 'redactedKey', 'encryptedSecret', 'publishableKey', 'publicKey', 'cacheKey', 'SORT_KEY',
    'i18nKey', 'partitionKey', 'password_encryption', 'secret-audit', 'PORT', 'NODE_ENV', 'AWS_REGION', 'TOKENIZERS_PARALLELISM',
    'inputTokens', 'completion_tokens', 'promptTokens', 'secretsManager', 'passwordPolicy', 'username', 'sessionId',
    'bypass', 'BYPASS', 'passThrough', 'passport', 'compass', 'DB_PASS_FILE', 'hasDbPass',
    'password_for_user_id', 'key_for_sort', 'token_for_next_page', 'passwordMd5', 'sortKey2', 'oauth2', 'application/pgp-keys', 'docs/api-key', 'credentials_universe', 'apiKeyRegion',
    'resetPassword', 'reset_password_token_url', 'hasResetToken', 'keys', 'MAX_TOKENS', 'publicKeys', 'sortKeys', 'sessionKeys', 'nextTokens', 'apiKeysCount', 'APIKeys', 'AdminAPIKeys',
  ])('%s does not name a secret', (name) => expect(names.classify(name)).toBe('no'));

  it.each(['token', 'key', 'auth', 'cookie', 'webKey', 'pass', 'firstPass'])('%s is ambiguous', (name) => {
    expect(names.classify(name)).toBe('ambiguous');
  });

  it('splits every naming convention into words', () => {
    expect(splitWords('OPENAI_API_KEY')).toEqual(['openai', 'api', 'key']);
    expect(splitWords('apiKey')).toEqual(['api', 'key']);
    expect(splitWords('x-api-key')).toEqual(['x', 'api', 'key']);
    expect(splitWords('HTTPServerToken')).toEqual(['http', 'server', 'token']);
  });

  it('accepts extra secret names (config-declared environment variables)', () => {
    const vocabulary = catalogDocument<NameVocabulary>('names');
    const extended = new NameClassifier(vocabulary, ['WEBHOOK_URL']);
    expect(names.classify('WEBHOOK_URL')).toBe('no');
    expect(extended.classify('WEBHOOK_URL')).toBe('secret');
  });

  it.each(['password', 'dbPassword', 'SMTP_PASS', 'passwd', 'pwd', 'new_password', 'user.password', 'password2'])('%s names a password', (name) => {
    expect(names.namesAPassword(name)).toBe(true);
  });

  it.each(['apiKey', 'secret', 'passwordHash', 'passwordStrength', 'pass', 'bypass', 'isPassword', 'password_file'])(
    '%s names no password',
    (name) => expect(names.namesAPassword(name)).toBe(false),
  );

  it.each(['getPassword', 'get_api_key', 'apiKey', 'createApiKey', 'generate_password', 'decryptPassword', 'get_api_key_from_env', 'loadHfToken'])(
    '%s() returns a secret',
    (name) => expect(names.namesAReturnedSecret(name)).toBe(true),
  );

  it.each(['checkPassword', 'verify_api_key', 'setToken', 'runSecretLint', 'signWithPrivateKey', 'login_with_password', 'decodeWithSecret', 'get_secret_name', 'getToken', 'resetToken'])(
    '%s() returns no secret',
    (name) => expect(names.namesAReturnedSecret(name)).toBe(false),
  );

  it('is fast on long adversarial names', () => {
    const long = `${'aA_'.repeat(20_000)}token`;
    const started = performance.now();
    names.classify(long);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
