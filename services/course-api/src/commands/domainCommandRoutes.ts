import { commandCatalog, decideOnState, type CommandCatalogEntry, type DomainCommand, type ReferralState } from '@medfri/domain';
import { z } from 'zod';
import { coursePathParams, referralPathParams } from '../http/pathParams.js';
import { notVisible } from '../http/problem.js';
import type { AnyRoute } from '../http/route.js';
import { commandRoute, type CommandDecision } from '../routes/commandRoute.js';
import { commandPath } from './commandPaths.js';
import { courseIdOf } from './courseIds.js';
import { decisionSupport } from './decisionSupport.js';
import { domainStreamModels } from './domainStreamModels.js';

/** Commands the patient may send about themself, besides their clinicians. */
export const patientAuthoredCommands: ReadonlySet<string> = new Set([
  'RecordPatientExperience', 'RequestBedStay', 'ReserveAgainstResearch', 'WithdrawResearchReservation',
]);

/** Commands that put the patient in a unit's care: the directory learns of it after the append. */
const placesPatientInUnit: ReadonlySet<string> = new Set(['RegisterReferral', 'AdmitPatient']);

type Params = { patientId: string; unitId?: string; referralId?: string };

const paramsFor: Record<CommandCatalogEntry['stream'], z.ZodType<Params>> = {
  referral: referralPathParams,
  course: coursePathParams,
  patient: z.strictObject({ patientId: z.uuid() }),
};

/** The body is the command without what the path says: its type, stream id, patient and unit. */
function bodyFor(entry: CommandCatalogEntry): z.ZodObject {
  const fromPath = ['type', 'patientId', 'unitId', 'referralId', 'courseId'].filter((key) => key in entry.schema.shape);
  const mask: Record<string, true> = Object.fromEntries(fromPath.map((key) => [key, true]));
  return entry.schema.omit(mask as Parameters<typeof entry.schema.omit>[0]).describe(entry.summary);
}

function commandOf(entry: CommandCatalogEntry, params: Params, body: object): DomainCommand {
  const fromPath: Record<string, string> = { ...params };
  if (entry.stream === 'course') fromPath.courseId = courseIdOf(params.patientId, params.unitId ?? '');
  const known = Object.fromEntries(Object.entries(fromPath).filter(([key]) => key in entry.schema.shape));
  // Valid by construction: the body passed the schema without these fields, the path fields passed theirs.
  return { ...body, ...known, type: entry.type } as DomainCommand;
}

/**
 * A referral path names the unit and patient the referral was registered for; a referral
 * of another unit or patient is not visible through it (so a clinician of one unit cannot
 * act on another unit's referral by guessing its id).
 */
function assertReferralAddressed(state: ReferralState, params: Params) {
  const { referral } = state;
  if (referral && (referral.unitId !== params.unitId || referral.patientId !== params.patientId)) throw notVisible();
}

function routeFor(entry: CommandCatalogEntry): AnyRoute {
  const params = paramsFor[entry.stream];
  const unitOf = ({ params: p }: { params: Params }) => p.unitId ?? '';
  const patientOf = ({ params: p }: { params: Params }) => p.patientId;
  return commandRoute({
    operationId: entry.type.charAt(0).toLowerCase() + entry.type.slice(1),
    method: 'post',
    path: commandPath(entry),
    summary: entry.summary,
    description: `Domain command \`${entry.type}\` on the ${entry.stream} stream. Refusals are 422 with the rule's code.`,
    tags: [`Commands: ${entry.stream}`],
    params,
    body: bodyFor(entry),
    policy(can) {
      const clinicians = entry.stream === 'patient' ? can.clinicianOfPatient(patientOf) : can.clinicianOfUnit(unitOf);
      return patientAuthoredCommands.has(entry.type) ? can.anyOf(clinicians, can.patientSelf(patientOf)) : clinicians;
    },
    stream: ({ params: p, body }) => entry.streamNameOf(commandOf(entry, p, body)),
    patient: patientOf,
    personalFields: (type) => entry.events.get(type)?.personalFields ?? [],
    model: domainStreamModels[entry.stream],
    decide({ params: p, body }, state, base): CommandDecision {
      if (entry.stream === 'referral') assertReferralAddressed(state as ReferralState, p);
      const decision = decideOnState(entry, commandOf(entry, p, body), state, { ...base, ...decisionSupport() });
      return decision.ok ? decision : { ok: false, error: { kind: 'domain', code: decision.error.code, message: decision.error.message } };
    },
    afterAppend: placesPatientInUnit.has(entry.type)
      ? ({ input, services }) => services.directory.addToUnit(services.pool, input.params.patientId, unitOf(input), services.clock.now())
      : undefined,
  });
}

/** One endpoint per command of the domain's catalog. */
export const domainCommandRoutes: readonly AnyRoute[] = commandCatalog.map(routeFor);
