import type { TokenVerifier } from '@medfri/auth';
import type { Request, RequestHandler } from 'express';
import { ProblemError } from '../http/problem.js';
import type { Principal } from './principal.js';
import { unauthenticated } from './unauthenticated.js';

const BEARER = /^Bearer +([A-Za-z0-9_.~+/-]+=*)$/i;

/**
 * Verifies a bearer token if one is sent. A missing or bad token is not refused here: the
 * rate limiter still needs to run, and only routes that need a principal refuse (401).
 */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined) return next();
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      req.authFailure = unauthenticated('Send the token as "Authorization: Bearer <token>"');
      return next();
    }
    try {
      req.principal = await verifier.verify(token);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.kind !== 'unauthenticated') throw error;
      req.authFailure = error;
    }
    next();
  };
}

export function requirePrincipal(req: Request): Principal {
  if (req.principal) return req.principal;
  throw req.authFailure ?? unauthenticated('A bearer token is required', false);
}
