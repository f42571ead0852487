import type { Check } from './types.js';

/** A JSON Web Token: a header that decodes to JSON with an algorithm, a JSON payload and a signature. */
export const jwtCheck: Check = ({ candidate }) => {
  const [header, payload, signature] = candidate.secret.split('.');
  if (!header || !payload || signature === undefined || signature.length < 16) return [];
  const head = decodeJson(header);
  const body = decodeJson(payload);
  if (!head || typeof head.alg !== 'string' || head.alg.toLowerCase() === 'none' || !body) return [];
  // The jwt.io sample token is documentation, not a credential.
  if (body.sub === '1234567890' && body.name === 'John Doe') return [];
  return [candidate];
};

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
