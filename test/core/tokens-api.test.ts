import { describe, expect, it } from 'vitest';
import { classifyLiteral, isPlaceholderValue, isWrittenPassword, redact, scanTokens, tokenFindings } from '@secret-hygiene/core';

// Synthetic values in the documented shapes; assembled at run time so this file holds no token literal.
const GITHUB = 'ghp_' + 'k3Vd9QmZ2xTr7LpW4nYb8HcJ6sFa1GeU5oRi';
const HF = 'hf_' + 'QwErTyUiOpAsDfGhJkLzXcVbNmQaZwSxEdCr';

describe('scanTokens', () => {
  it('reports the offsets of the secret part and the detector that recognised it', () => {
    const text = `const token = "${GITHUB}";\n`;
    const [match] = scanTokens(text);
    expect(match?.detector).toBe('github-pat-classic');
    expect(match?.provider).toBe('GitHub');
    expect(text.slice(match!.start, match!.end)).toBe(GITHUB);
    expect(match?.secret).toBe(GITHUB);
  });

  it('finds nothing in a file without any token keyword', () => {
    expect(scanTokens('export const answer = 42;\n')).toEqual([]);
  });

  it('never reports integrity hashes in a lockfile', () => {
    const lock = '{"integrity": "sha512-' + 'Qm9vYmFyYmF6cXV4'.repeat(5) + '==", "password": "Zr8#kL2@pQ9!mV4x"}';
    expect(scanTokens(lock, { path: 'package-lock.json' })).toEqual([]);
  });
});

describe('tokenFindings', () => {
  const text = `# config\nHF_TOKEN=${HF}\nOTHER=${HF}\n`;
  const findings = tokenFindings('app/.env', text);

  it('reports no-hardcoded-secret with 1-based positions and the detector', () => {
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: 'no-hardcoded-secret', severity: 'error', file: 'app/.env', line: 2, column: 10, endLine: 2, detector: 'huggingface-access-token' });
  });

  it('shows only redacted evidence and never the secret', () => {
    expect(findings[0]?.evidence).toBe(redact(HF));
    expect(JSON.stringify(findings)).not.toContain(HF.slice(4));
    expect(findings[0]?.message).toContain('Hugging Face');
  });

  it('keeps fingerprints when lines move, and tells repeated secrets apart', () => {
    const moved = tokenFindings('app/.env', `\n\n\n${text}`);
    expect(moved.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
    expect(findings[0]?.fingerprint).not.toBe(findings[1]?.fingerprint);
  });
});

describe('classifyLiteral', () => {
  it('recognises a provider token on its own', () => {
    expect(classifyLiteral(GITHUB)?.detector).toBe('github-pat-classic');
  });

  it('uses the assigned name for the generic rule', () => {
    expect(classifyLiteral('Zr8kL2pQ9mV4xT7w', { name: 'dbPassword' })?.detector).toBe('generic-secret-assignment');
    expect(classifyLiteral('Zr8kL2pQ9mV4xT7w', { name: 'pageTitle' })).toBeUndefined();
    expect(classifyLiteral('Zr8kL2pQ9mV4xT7w')).toBeUndefined();
  });

  it('takes a UUID for a key only under a secret name', () => {
    const uuid = '3f2a9c1e-7b4d-4e2a-9c8f-1d2e3f4a5b6c';
    expect(classifyLiteral(uuid, { name: 'PINECONE_API_KEY' })?.detector).toBe('generic-secret-assignment');
    expect(classifyLiteral(uuid, { name: 'client_secret' })?.detector).toBe('generic-secret-assignment');
    expect(classifyLiteral(uuid, { name: 'request_id' })).toBeUndefined();
    expect(classifyLiteral(uuid, { name: 'token' })).toBeUndefined();
    expect(classifyLiteral('00000000-0000-0000-0000-000000000000', { name: 'api_key' })).toBeUndefined();
  });

  it('returns offsets relative to the literal', () => {
    const match = classifyLiteral(`Bearer ${GITHUB}`);
    expect(match && `Bearer ${GITHUB}`.slice(match.start, match.end)).toBe(GITHUB);
  });
});

describe('isWrittenPassword', () => {
  it.each(['insecure_pwd', 'toor1234', 'Qw9-zz81', 'road_runner'])('%s reads as a password', (value) => expect(isWrittenPassword(value)).toBe(true));
  it.each(['', 'short', 'Password', 'Contraseña', 'Mot de passe', 'required|min:8', 'format_{}', 'insecure__', 'changeme', 'mypassword', '${DB_PASSWORD}', 'DB_PASSWORD'])(
    '%j does not',
    (value) => expect(isWrittenPassword(value)).toBe(false),
  );
});

describe('isPlaceholderValue', () => {
  it.each(['your_api_key_here', '<token>', 'xxxx', '${VAR}', 'sk-...', 'changeme', 'ENTER HF ACCESS TOKEN HERE', '[REDACTED]', '********', '{{ secrets.TOKEN }}', '%s', 'hf_...', '(hidden)', '(not set)'])(
    'treats %j as a placeholder',
    (value) => expect(isPlaceholderValue(value)).toBe(true),
  );
  it.each([GITHUB, HF, 'Zr8kL2pQ9mV4xT7w', '(Zr8kL2pQ9mV4xT7w)'])('treats %j as a value', (value) => expect(isPlaceholderValue(value)).toBe(false));
});
