import { describe, expect, it } from 'vitest';
import { UNKNOWN_PART, defaultUrlClassifier } from '@secret-hygiene/core';

const urls = defaultUrlClassifier();
const verdict = (url: string, complete = true) => urls.classify(url, complete).verdict;

describe('URL classifier (require-https)', () => {
  it.each(['http://api.example.com/v1', 'HTTP://Example.COM', 'ws://stream.example.com', 'ftp://files.example.org/a',
    'http://user:pass@example.com/', 'http://10.0.0.5:8080/x', 'http://example.com'])('%s is insecure', (url) => {
    expect(verdict(url)).toBe('insecure');
  });

  it.each(['https://api.example.com', 'wss://x.example.com', 'file:///etc/hosts', 'mailto:a@b.c', '/relative/path', 'data:text/plain,hi'])(
    '%s is not a plain-text request',
    (url) => expect(verdict(url)).toBe('secure'),
  );

  it.each(['http://localhost:3000/api', 'http://127.0.0.1/', 'http://127.1.2.3:80', 'http://[::1]:8080/', 'http://0.0.0.0:5000',
    'http://printer.local/', 'http://metadata.google.internal/computeMetadata/v1', 'http://api.default.svc.cluster.local/x',
    'http://169.254.169.254/latest/meta-data', 'ws://localhost:8765', 'http://app.localhost/'])('%s is local', (url) => {
    expect(verdict(url)).toBe('local');
  });

  it.each(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://schemas.xmlsoap.org/soap/envelope/',
    'http://json-schema.org/draft-07/schema#', 'http://purl.org/dc/elements/1.1/'])('%s is a namespace', (url) => {
    expect(verdict(url)).toBe('never-fetched');
  });

  it('needs the whole host of a partly known URL', () => {
    expect(verdict('http://', false)).toBe('unknown');
    expect(verdict('http://api.', false)).toBe('unknown');
    expect(verdict('http://api.example.com/', false)).toBe('insecure');
    expect(verdict('http://localhost:', false)).toBe('local');
  });

  it('takes a prefix that ends in a domain name as the whole host (`BASE + path`)', () => {
    expect(verdict('http://api.example.com', false)).toBe('insecure');
    expect(verdict('http://api.example', false)).toBe('insecure');
    expect(verdict('http://10.0.0', false)).toBe('unknown');
    expect(verdict('http://api', false)).toBe('unknown');
  });

  it.each(['http://redis/health', 'http://model-server:8080/v1/predict', 'http://db_primary/', 'ws://broker:9000'])(
    '%s names a single-label host of a private network',
    (url) => expect(verdict(url)).toBe('local'),
  );

  it('does not take a number for a single-label host', () => {
    expect(verdict('http://3232235777/')).toBe('insecure');
  });

  it('names the secure scheme to switch to and hides credentials', () => {
    expect(urls.classify('http://user:pw@Example.com:81/x')).toEqual({ verdict: 'insecure', scheme: 'http', host: 'example.com', secureScheme: 'https' });
    expect(urls.classify('ws://x.example.com').secureScheme).toBe('wss');
    expect(urls.classify('ftp://x.example.com').secureScheme).toBeUndefined();
  });

  it('does not treat look-alike hosts as local', () => {
    expect(verdict('http://localhost.evil.com/')).toBe('insecure');
    expect(verdict('http://127.0.0.1.nip.io/')).toBe('insecure');
    expect(verdict('http://www.w3.org.evil.com/')).toBe('insecure');
  });

  it('reads the host of a shape whose unknown parts are all credentials', () => {
    const shape = (text: string) => text.replaceAll('{}', UNKNOWN_PART);
    expect(urls.classify(shape('http://admin:{}@api.example.com/status'), false)).toEqual({ verdict: 'insecure', scheme: 'http', host: 'api.example.com', secureScheme: 'https' });
    expect(verdict(shape('http://{}:{}@api.example.com'), false)).toBe('insecure');
    expect(verdict(shape('http://{}@api.example.com/{}'), false)).toBe('insecure');
    expect(verdict(shape('http://admin:{}@localhost:8080/'), false)).toBe('local');
    expect(verdict(shape('https://admin:{}@api.example.com/'), false)).toBe('secure');
    // The host itself is unknown: only the text before the first unknown part speaks.
    expect(verdict(shape('http://{}/status'), false)).toBe('unknown');
    expect(verdict(shape('http://admin:{}@{}.example.com/'), false)).toBe('unknown');
    expect(verdict(shape('http://api.example.com/{}?a=b@c'), false)).toBe('insecure');
  });
});
