import { domainEvents } from '@medfri/domain';
import type { RecordedEvent } from '@medfri/event-store';
import { workloadEvents } from '../../testing/domainWorkload.js';
import { SEALED, toDomainRecord, toDomainRecords } from './domainRecord.js';

describe('toDomainRecord', () => {
  let events: RecordedEvent[];

  beforeAll(async () => {
    events = await workloadEvents({ events: 5_000, seed: 2424 });
  });

  it("gives every event of the domain workload as the schema's parse does, free text sealed", () => {
    for (const event of events) {
      const record = toDomainRecord(event);
      const data = { ...(event.data as Record<string, unknown>) };
      for (const field of record?.sealedFields ?? []) data[field] = SEALED;
      const parsed = domainEvents.parse(event.type, data, event.metadata.schemaVersion);
      expect(record?.event).toStrictEqual(parsed);
      expect(record?.data).toBe(record?.event.data);
    }
  });

  it('refuses stored data the schema refuses', () => {
    const event = events.find((candidate) => candidate.type === 'MedicationRecorded') as RecordedEvent;
    const garbled = { ...event, data: { ...(event.data as object), dose: 'a lot' } };
    expect(() => toDomainRecord(garbled)).toThrow(/dose/);
  });

  it('leaves data of another schema version to the registry, which upcasts what it knows and refuses the rest', () => {
    const event = events.find((candidate) => candidate.type === 'PatientAdmitted') as RecordedEvent;
    const older = { ...event, metadata: { ...event.metadata, schemaVersion: 0 } };
    expect(() => toDomainRecord(older)).toThrow(/PatientAdmitted v0/);
  });

  it("gives followers of the same batch array the same records array, and another array's its own", () => {
    const batch = events.slice(0, 100);
    const records = toDomainRecords(batch);
    expect(records.map((record) => record.position)).toEqual(batch.map((event) => event.position));
    expect(toDomainRecords(batch)).toBe(records);
    const copy = [...batch];
    expect(toDomainRecords(copy)).not.toBe(records);
    expect(toDomainRecords(copy)).toEqual(records);
  });
});
