import type { z } from 'zod';
import type { Decider } from '../kernel/decider.js';
import type { EventDefinition } from '../kernel/eventDefinition.js';
import { courseDecider, courseEvents } from '../course/courseDecider.js';
import { patientDecider, patientEvents } from '../patient/patientDecider.js';
import { referralDecider, referralEvents } from '../referral/referralDecider.js';
import type { StreamKind } from './streamName.js';

/** A parsed command of any stream: its fields are known to its own schema. */
export type DomainCommand = { readonly type: string; readonly [field: string]: unknown };
export type DomainEvent = { readonly type: string; readonly data: unknown };

/** A stream's decider as callers outside the domain see it: state is opaque, they only fold and decide. */
export type StreamDecider = Decider<DomainCommand, DomainEvent, unknown>;

/** The event registry of one stream kind: parses stored events (upcasting old versions). */
export interface StreamEvents {
  readonly definitions: readonly EventDefinition<string, z.ZodObject>[];
  get(type: string): EventDefinition<string, z.ZodObject> | undefined;
  parse(type: string, data: unknown, version: number): DomainEvent;
}

export interface DomainStream {
  readonly kind: StreamKind;
  /** The command field holding the stream's id (AdmitPatient derives it instead, see the catalog). */
  readonly idField: 'referralId' | 'courseId' | 'patientId';
  readonly decider: StreamDecider;
  readonly events: StreamEvents;
}

export const domainStreams: Readonly<Record<StreamKind, DomainStream>> = {
  referral: { kind: 'referral', idField: 'referralId', decider: referralDecider, events: referralEvents },
  course: { kind: 'course', idField: 'courseId', decider: courseDecider, events: courseEvents },
  patient: { kind: 'patient', idField: 'patientId', decider: patientDecider, events: patientEvents },
};
