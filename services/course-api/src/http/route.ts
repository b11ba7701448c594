import type { ExpectedRevision } from '@medfri/event-store';
import type { z } from 'zod';
import { policyBuilder, type Grant, type Policy, type PolicyBuilder } from '../auth/policy.js';
import type { Principal } from '../auth/principal.js';
import type { AppServices } from '../services.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a route without params or query schema receives: `{}`. */
type EmptyObject = z.ZodObject<Record<string, never>, z.core.$strict>;

/** The validated request: what policies and handlers see. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type InputOf<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = RouteInput<z.output<P>, z.output<Q>, z.output<B>>;

export interface HandlerContext<I> {
  input: I;
  principal: Principal;
  grant: Grant;
  services: AppServices;
  requestId: string;
  /** From If-Match, on routes that take one; undefined when the client sent none. */
  expectedRevision: ExpectedRevision | undefined;
  /** A new UUID; derived from the Idempotency-Key when there is one, so a re-run mints the same ids. */
  newId(): string;
}

export interface HandlerResult<Body> {
  body: Body;
  /** The stream revision the response reflects, sent as the ETag. */
  revision?: number;
  location?: string;
}

/**
 * One row of the route table: everything the router, the OpenAPI document and the
 * authorization matrix test need to know about an endpoint.
 */
export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  operationId: string;
  method: HttpMethod;
  /** Express syntax: `/patients/:patientId`. */
  path: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: P;
  query?: Q;
  body?: B;
  response: { status: 200 | 201; description: string; schema: R };
  /** Built from typed constructors: `(can) => can.anyOf(can.clinicianOfUnit(({ body }) => body.unitId), can.admin)`. */
  policy: (can: PolicyBuilder<InputOf<P, Q, B>>) => Policy<InputOf<P, Q, B>>;
  /** A POST that changes nothing (a search with a body, so no personal data travels in URLs): no Idempotency-Key. */
  readOnly?: boolean;
  /** Whether the route takes an If-Match revision; `required` refuses writes without one (428). */
  ifMatch?: 'optional' | 'required';
  /** Reads of patient data are logged for every reader but the patient. */
  accessLog?: {
    resource: string;
    patients(input: InputOf<P, Q, B>, body: z.output<R>): readonly string[];
  };
  handler(context: HandlerContext<InputOf<P, Q, B>>): Promise<HandlerResult<z.input<R>>>;
}

type ErasedSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

/** A row of the table, its types erased and its policy built. */
export type AnyRoute = Omit<ErasedSpec, 'policy'> & { policy: Policy<RouteInput<unknown, unknown, unknown>> };

/**
 * Types a route from its schemas, then erases the types for the table. The cast is sound
 * because the router only ever calls policy and handler with input parsed by the same schemas.
 */
export function defineRoute<
  R extends z.ZodType,
  P extends z.ZodType = EmptyObject,
  Q extends z.ZodType = EmptyObject,
  B extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<P, Q, B, R>): AnyRoute {
  const erased = spec as unknown as ErasedSpec;
  return { ...erased, policy: erased.policy(policyBuilder()) };
}

/** POST, PUT, PATCH and DELETE change state unless declared read-only: they take an Idempotency-Key. */
export const changesState = (route: AnyRoute) => route.method !== 'get' && !route.readOnly;
