import { DateTime } from 'luxon';
import { fold } from '../kernel/decider.js';
import { defaultDomainConfig, domainConfigSchema } from '../kernel/domainConfig.js';
import { courseDecider, type CourseEvent } from '../course/courseDecider.js';
import { admittedCourse } from '../testing/courseFixtures.js';
import { citalopramId, citalopramRecorded, olanzapineId, olanzapineRecorded } from './medicationFixtures.js';
import { isMonitoringOverdue, sideEffectMonitoringStatus } from './sideEffectMonitoring.js';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const assessmentId = 'e0000000-0000-4000-8000-000000000001';
const assessed = (occurredAt: string, entryId = assessmentId, medicationId = olanzapineId): CourseEvent => ({
  type: 'SideEffectsAssessed',
  data: { occurredAt, entryId, medicationId, method: 'uku', findings: [] },
});
const stateOf = (...events: CourseEvent[]) => fold(courseDecider, [...admittedCourse(), ...events]);

describe('side-effect monitoring (action point 5)', () => {
  test('without an assessment the interval runs from when the medication was recorded', () => {
    const state = stateOf(olanzapineRecorded());
    expect(sideEffectMonitoringStatus(state, at('2025-02-04T10:00:00.000Z'), defaultDomainConfig)).toEqual([
      { medicationId: olanzapineId, substance: 'olanzapine', lastAssessedAt: null, dueBy: '2025-02-04T10:00:00.000Z', overdue: false, daysOverdue: 0 },
    ]);
    expect(sideEffectMonitoringStatus(state, at('2025-03-03T09:00:00.000Z'), defaultDomainConfig)).toEqual([
      { medicationId: olanzapineId, substance: 'olanzapine', lastAssessedAt: null, dueBy: '2025-02-04T10:00:00.000Z', overdue: true, daysOverdue: 26 },
    ]);
  });

  test('an assessment restarts the clock, the latest one counting', () => {
    const state = stateOf(olanzapineRecorded(), assessed('2025-02-20T10:00:00.000Z'), assessed('2025-02-10T10:00:00.000Z', 'e0000000-0000-4000-8000-000000000002'));
    const [status] = sideEffectMonitoringStatus(state, at('2025-03-03T09:00:00.000Z'), defaultDomainConfig);
    expect(status).toMatchObject({ lastAssessedAt: '2025-02-20T10:00:00.000Z', dueBy: '2025-03-20T10:00:00.000Z', overdue: false });
  });

  test('an assessment marked entered in error does not count', () => {
    const retracted: CourseEvent = {
      type: 'EntryMarkedEnteredInError',
      data: { occurredAt: '2025-02-21T10:00:00.000Z', entryId: assessmentId, entryType: 'SideEffectsAssessed', reason: 'wrong_patient' },
    };
    const state = stateOf(olanzapineRecorded(), assessed('2025-02-20T10:00:00.000Z'), retracted);
    expect(isMonitoringOverdue(state, olanzapineId, at('2025-03-03T09:00:00.000Z'), defaultDomainConfig)).toBe(true);
  });

  test('the interval is site configuration', () => {
    const state = stateOf(olanzapineRecorded());
    const config = domainConfigSchema.parse({ sideEffectMonitoringIntervalDays: 90 });
    expect(isMonitoringOverdue(state, olanzapineId, at('2025-03-03T09:00:00.000Z'), config)).toBe(false);
  });

  test('per medication in use: stopped medications are not monitored', () => {
    const stopped: CourseEvent = { type: 'MedicationStopped', data: { occurredAt: '2025-02-01T10:00:00.000Z', medicationId: citalopramId, previousDose: 20 } };
    const state = stateOf(olanzapineRecorded(), citalopramRecorded(), assessed('2025-02-20T10:00:00.000Z'), stopped);
    const statuses = sideEffectMonitoringStatus(state, at('2025-03-03T09:00:00.000Z'), defaultDomainConfig);
    expect(statuses.map((s) => [s.substance, s.overdue])).toEqual([['olanzapine', false]]);
    expect(isMonitoringOverdue(state, citalopramId, at('2025-03-03T09:00:00.000Z'), defaultDomainConfig)).toBe(false);
  });
});
