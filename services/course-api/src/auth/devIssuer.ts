import { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { TrustedIssuerConfig } from '../config.js';
import { validationProblem } from '../http/problem.js';
import { devUsers, PATIENT_BY_ID, type DevUser } from './devUsers.js';
import { createSigningKey } from './signingKey.js';

export interface DevIssuer extends TrustedIssuerConfig {
  router: Router;
}

const TOKEN_LIFETIME_SECONDS = 3600;

const tokenRequest = z.object({ user: z.string(), patientId: z.uuid().optional() });

/** A demo user, or any registered patient by id (as a national provider identifies a patient by their number). */
function requestedUser(body: unknown): DevUser {
  const parsed = tokenRequest.safeParse(body ?? {});
  const known = [...devUsers.map(({ id }) => id), PATIENT_BY_ID].join(', ');
  if (!parsed.success) throw validationProblem([{ path: 'body.user', message: `one of ${known}` }]);
  const { user: requested, patientId } = parsed.data;
  if (requested === PATIENT_BY_ID) {
    if (!patientId) throw validationProblem([{ path: 'body.patientId', message: 'the id of a registered patient (POST /patients answers it)' }]);
    return { id: `patient-${patientId}`, description: 'Patient', claims: { role: 'patient', patient_id: patientId } };
  }
  const user = devUsers.find((candidate) => candidate.id === requested);
  if (!user) throw validationProblem([{ path: 'body.user', message: `one of ${known}` }]);
  return user;
}

/**
 * A stand-in identity provider for development only: demo users, tokens on request, and
 * a JWKS the service fetches over HTTP exactly as it fetches a real provider's. The key
 * pair is generated at start and kept in memory: restarting invalidates old tokens, and
 * no key material is ever written to disk.
 */
export async function createDevIssuer(options: { baseUrl: string; audience: string; clock: Clock }): Promise<DevIssuer> {
  const key = await createSigningKey();
  const issuer = `${options.baseUrl}/dev`;
  const router = Router();
  router.get('/.well-known/jwks.json', (req, res) => {
    req.routeTemplate = '/dev/.well-known/jwks.json';
    res.json(key.jwks);
  });
  router.get('/users', (req, res) => {
    req.routeTemplate = '/dev/users';
    res.json({ users: devUsers.map(({ id, description, claims }) => ({ id, description, ...claims })) });
  });
  router.post('/token', async (req, res) => {
    req.routeTemplate = '/dev/token';
    const user = requestedUser(req.body);
    const token = await key.sign({
      issuer,
      audience: options.audience,
      subject: `dev-${user.id}`,
      claims: user.claims,
      issuedAt: options.clock.now(),
      expiresInSeconds: TOKEN_LIFETIME_SECONDS,
    });
    res.json({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS });
  });
  return { issuer, jwksUrl: `${issuer}/.well-known/jwks.json`, router };
}
