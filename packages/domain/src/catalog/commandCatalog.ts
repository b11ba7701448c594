import type { z } from 'zod';
import { commandTypeOf } from '../kernel/defineCommand.js';
import { indexByType } from '../kernel/indexByType.js';
import { admitPatientCommand } from '../admission/admission.js';
import { courseIdFor } from '../course/courseId.js';
import { courseCommandSchemas } from '../course/courseDecider.js';
import { patientCommandSchemas } from '../patient/patientDecider.js';
import { referralCommandSchemas } from '../referral/referralDecider.js';
import { domainStreams, type DomainCommand, type DomainStream, type StreamDecider, type StreamEvents } from './domainStreams.js';
import { streamNameFor, type StreamKind } from './streamName.js';

/**
 * One command the domain accepts, described well enough for the HTTP API to generate its
 * endpoint and documentation: what it is for, its schema, and which stream it acts on.
 */
export interface CommandCatalogEntry {
  readonly type: string;
  /** One line for the API documentation (the schema's description). */
  readonly summary: string;
  readonly stream: StreamKind;
  /** The command field naming the target stream's id; null when the id is derived from other fields (AdmitPatient). */
  readonly idField: DomainStream['idField'] | null;
  /** The command's zod schema (for JSON Schema generation); validate with `parse`. */
  readonly schema: z.ZodObject;
  /** Validates a request body; the parsed command is what `decider.decide` and `decideOnStream` take. */
  parse(input: unknown): z.ZodSafeParseResult<DomainCommand>;
  /** The id of the stream a parsed command targets. */
  streamIdOf(command: DomainCommand): string;
  /** `<stream>-<id>` of the stream a parsed command targets. */
  streamNameOf(command: DomainCommand): string;
  readonly decider: StreamDecider;
  /** The registry of the target stream's events, to parse its history. */
  readonly events: StreamEvents;
}

/** Commands whose stream id is not a field of the command. */
const derivedStreamIds: Readonly<Record<string, (command: DomainCommand) => string>> = {
  // The course id is a function of patient and unit, so the first admission can start the course.
  AdmitPatient: (command) => {
    const { patientId, unitId } = admitPatientCommand.pick({ patientId: true, unitId: true }).parse(command);
    return courseIdFor(patientId, unitId);
  },
};

function entry(kind: StreamKind, schema: z.ZodObject): CommandCatalogEntry {
  const type = commandTypeOf(schema);
  const stream = domainStreams[kind];
  const derived = derivedStreamIds[type];
  const idField = derived ? null : stream.idField;
  if (!schema.description) throw new Error(`Command ${type} has no summary`);
  const streamIdOf = derived ?? ((command: DomainCommand) => String(command[stream.idField]));
  return {
    type,
    summary: schema.description,
    stream: kind,
    idField,
    schema,
    // Safe: the schema's literal `type` was checked above (commandTypeOf).
    parse: (input) => schema.safeParse(input) as z.ZodSafeParseResult<DomainCommand>,
    streamIdOf,
    streamNameOf: (command) => streamNameFor(kind, streamIdOf(command)),
    decider: stream.decider,
    events: stream.events,
  };
}

/** Every command of the domain, grouped by stream: referral, course, patient. */
export const commandCatalog: readonly CommandCatalogEntry[] = [
  ...referralCommandSchemas.map((schema) => entry('referral', schema)),
  ...courseCommandSchemas.map((schema) => entry('course', schema)),
  ...patientCommandSchemas.map((schema) => entry('patient', schema)),
];

const byType = indexByType(commandCatalog, (e) => e.type, 'command');

/** The catalog entry of a command type, or undefined. */
export function commandCatalogEntry(type: string): CommandCatalogEntry | undefined {
  return byType.get(type);
}
