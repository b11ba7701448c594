import { domainEvents } from '@medfri/domain';
import type { RecordedEvent } from '@medfri/event-store';
import { workloadEvents } from '../../testing/domainWorkload.js';
import { SEALED } from './domainRecord.js';
import { storedShapeOf } from './storedShape.js';

/** Stored data as parsing sees it: personal fields sealed. */
function sealed(event: RecordedEvent): Record<string, unknown> {
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of domainEvents.get(event.type)?.personalFields ?? []) if (data[field] != null) data[field] = SEALED;
  return data;
}

function schemaOf(type: string) {
  const definition = domainEvents.get(type);
  if (!definition) throw new Error(`no definition of ${type}`);
  return definition.schema;
}

describe('storedShapeOf', () => {
  let events: RecordedEvent[];

  beforeAll(async () => {
    events = await workloadEvents({ events: 5_000, seed: 4242 });
  });

  it('accepts every event of the domain workload, whose data the schema parses to itself', () => {
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThan(30);
    for (const event of events) {
      const data = sealed(event);
      expect({ type: event.type, accepted: storedShapeOf(schemaOf(event.type))(data) }).toEqual({ type: event.type, accepted: true });
      const parsed = schemaOf(event.type).parse(data);
      expect(parsed).toStrictEqual(data);
      expect(Object.keys(parsed)).toEqual(Object.keys(data));
    }
  });

  it('refuses data whose fields are missing, unknown, of another kind or outside their codes', () => {
    const recorded = events.find((event) => event.type === 'PatientAdmitted') as RecordedEvent;
    const admitted = sealed(recorded);
    const shape = storedShapeOf(schemaOf('PatientAdmitted'));
    const { setting: _setting, ...missing } = admitted;
    const variants = [
      missing,
      { ...admitted, unexpected: 1 },
      { ...admitted, readmission: 'yes' },
      { ...admitted, setting: 'the roof' },
      { ...admitted, patientId: null },
      { ...admitted, occurredAt: 17 },
    ];
    for (const variant of variants) expect(shape(variant)).toBe(false);
    expect(shape(admitted)).toBe(true);
  });

  it('looks at the kind of a union, nullable or array field, not inside it', () => {
    const started = sealed(events.find((event) => event.type === 'TaperingPlanCreated') as RecordedEvent);
    const shape = storedShapeOf(schemaOf('TaperingPlanCreated'));
    expect(shape({ ...started, parameters: 'linear' })).toBe(false);
    expect(shape({ ...started, steps: {} })).toBe(false);
    expect(shape({ ...started, version: 2 })).toBe(false);
  });
});
