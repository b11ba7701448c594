import type { CourseEvent } from '../course/courseDecider.js';
import { courseDecider, courseEvents } from '../course/courseDecider.js';
import { courseIdFor } from '../course/courseId.js';
import { specification } from '../testing/specification.js';
import { admittedCourse, course, courseId, courseStarted, patientAdmitted, patientId } from '../testing/courseFixtures.js';
import { testId } from '../testing/testContext.js';

const now = '2025-03-03T09:00:00.000Z';
const agreementId = 'd0000000-0000-4000-8000-000000000001';
const requestId = 'd0000000-0000-4000-8000-000000000002';
const stayId = 'd0000000-0000-4000-8000-000000000003';

/** Day-place patients keep their own bed at home, so they may use the user-controlled bed. */
const dayPlaceCourse = (): CourseEvent[] => [courseStarted(), patientAdmitted(undefined, { setting: 'day_place' })];
const agreementMade = (overrides: Record<string, unknown> = {}): CourseEvent => ({
  type: 'BedAgreementMade',
  data: {
    occurredAt: '2025-02-01T10:00:00.000Z', agreementId, validFrom: '2025-02-01', validTo: '2025-12-31',
    maxNightsPerStay: 5, minimumDaysBetweenStays: 7, maxStaysPerPeriod: { stays: 3, periodDays: 90 }, ...overrides,
  },
});
const requested = (nights = 3, id = requestId, at = '2025-03-03T08:00:00.000Z'): CourseEvent => ({ type: 'BedStayRequested', data: { occurredAt: at, requestId: id, nights } });
const granted = (nights = 3, id = requestId, at = '2025-03-03T08:10:00.000Z'): CourseEvent => ({ type: 'BedStayGranted', data: { occurredAt: at, requestId: id, nights } });
const checkedIn = (at: string, id = stayId, request = requestId): CourseEvent => ({ type: 'BedStayCheckedIn', data: { occurredAt: at, stayId: id, requestId: request, maxNightsPerStay: 5 } });
const checkedOut = (at: string, nights: number, id = stayId): CourseEvent => ({
  type: 'BedStayCheckedOut',
  data: { occurredAt: at, stayId: id, nights, maxNightsPerStay: 5, overstay: nights > 5, nightsOver: Math.max(0, nights - 5), reason: 'left' },
});
/** One earlier stay in February: in 2 Feb, out 5 Feb. */
const earlierStay = (): CourseEvent[] => [
  requested(3, testId(90), '2025-02-02T08:00:00.000Z'), granted(3, testId(90), '2025-02-02T08:10:00.000Z'),
  checkedIn('2025-02-02T18:00:00.000Z', testId(91), testId(90)), checkedOut('2025-02-05T10:00:00.000Z', 3, testId(91)),
];

describe('MakeBedAgreement', () => {
  const make = { type: 'MakeBedAgreement', courseId, validFrom: '2025-03-03', validTo: '2025-09-30' };

  test('limits not written take the site defaults: 5 nights per stay, no other limit', () => {
    const state = course.given(...admittedCourse()).when({ ...make, note: 'Call the ward first if possible.' }).then({
      type: 'BedAgreementMade',
      data: {
        occurredAt: now, agreementId: testId(1), validFrom: '2025-03-03', validTo: '2025-09-30',
        maxNightsPerStay: 5, minimumDaysBetweenStays: 0, maxStaysPerPeriod: null, note: 'Call the ward first if possible.',
      },
    });
    expect(state.bed.agreement).toMatchObject({ agreementId: testId(1), maxNightsPerStay: 5, endedAt: null });
  });

  test('the default nights per stay is site configuration', () => {
    const site = specification(courseDecider, { events: courseEvents, config: { bedAgreementDefaults: { maxNightsPerStay: 3 } } });
    const { decision } = site.given(...admittedCourse()).when(make);
    expect(decision).toMatchObject({ ok: true, events: [{ data: { maxNightsPerStay: 3 } }] });
  });

  test('written limits', () => {
    const { decision } = course.given(...admittedCourse()).when({ ...make, maxNightsPerStay: 3, minimumDaysBetweenStays: 14, maxStaysPerPeriod: { stays: 4, periodDays: 180 } });
    expect(decision).toMatchObject({ ok: true, events: [{ data: { maxNightsPerStay: 3, minimumDaysBetweenStays: 14, maxStaysPerPeriod: { stays: 4, periodDays: 180 } } }] });
  });

  test('only at a unit offering a user-controlled bed (reference data)', () => {
    const unitId = 'vegsund-dps';
    const otherCourse = courseIdFor(patientId, unitId);
    const started: CourseEvent = { type: 'CourseStarted', data: { occurredAt: '2025-01-06T10:00:00.000Z', courseId: otherCourse, patientId, unitId } };
    course.given(started, patientAdmitted()).when({ ...make, courseId: otherCourse }).thenRefused('unit_has_no_user_controlled_bed', { unitId });
  });

  test('the period must not end before it starts', () => {
    course.given(...admittedCourse()).when({ ...make, validTo: '2025-03-02' }).thenRefused('invalid_agreement_period');
  });

  test('one agreement at a time; after it expired a new one may be made', () => {
    course.given(...admittedCourse(), agreementMade()).when(make).thenRefused('bed_agreement_in_force', { agreementId });
    const { decision } = course.given(...admittedCourse(), agreementMade({ validTo: '2025-03-02' })).when(make);
    expect(decision.ok).toBe(true);
  });

  test('not before the course has started', () => {
    course.given().when(make).thenRefused('course_not_started');
  });
});

describe('RenewBedAgreement and EndBedAgreement', () => {
  const renew = { type: 'RenewBedAgreement', courseId, agreementId, validTo: '2026-06-30' };
  const end = { type: 'EndBedAgreement', courseId, agreementId };
  const ended: CourseEvent = { type: 'BedAgreementEnded', data: { occurredAt: '2025-02-20T10:00:00.000Z', agreementId } };

  test('renewing extends the period; limits not written stay as agreed', () => {
    const state = course.given(...admittedCourse(), agreementMade()).when({ ...renew, maxNightsPerStay: 4 }).then({
      type: 'BedAgreementRenewed',
      data: { occurredAt: now, agreementId, validTo: '2026-06-30', maxNightsPerStay: 4, minimumDaysBetweenStays: 7, maxStaysPerPeriod: { stays: 3, periodDays: 90 } },
    });
    expect(state.bed.agreement).toMatchObject({ validFrom: '2025-02-01', validTo: '2026-06-30', maxNightsPerStay: 4 });
  });

  test('a renewal must extend the agreement', () => {
    course.given(...admittedCourse(), agreementMade()).when({ ...renew, validTo: '2025-12-31' }).thenRefused('renewal_must_extend');
  });

  test('ending an agreement', () => {
    const state = course.given(...admittedCourse(), agreementMade()).when({ ...end, note: 'Patient moved away.' }).then({
      type: 'BedAgreementEnded',
      data: { occurredAt: now, agreementId, note: 'Patient moved away.' },
    });
    expect(state.bed.agreement?.endedAt).toBe(now);
  });

  test('an ended or unknown agreement is refused', () => {
    course.given(...admittedCourse(), agreementMade(), ended).when(end).thenRefused('bed_agreement_ended');
    course.given(...admittedCourse(), agreementMade(), ended).when(renew).thenRefused('bed_agreement_ended');
    course.given(...admittedCourse()).when(renew).thenRefused('bed_agreement_not_found');
  });
});

describe('RequestBedStay', () => {
  const request = { type: 'RequestBedStay', courseId, nights: 3 };

  test('a request is recorded, whatever its answer will be', () => {
    const state = course.given(...dayPlaceCourse(), agreementMade()).when({ ...request, nights: 8, note: 'Can\'t sleep, scared.' }).then({
      type: 'BedStayRequested',
      data: { occurredAt: now, requestId: testId(1), nights: 8, note: 'Can\'t sleep, scared.' },
    });
    expect(state.bed.requests.get(testId(1))).toEqual({ requestId: testId(1), requestedAt: now, nights: 8, status: 'pending' });
  });

  test('only with an agreement', () => {
    course.given(...dayPlaceCourse()).when(request).thenRefused('no_bed_agreement');
  });

  test('one open request at a time, and none while in the bed', () => {
    course.given(...dayPlaceCourse(), agreementMade(), requested()).when(request).thenRefused('bed_stay_request_open', { status: 'pending' });
    course.given(...dayPlaceCourse(), agreementMade(), requested(), granted()).when(request).thenRefused('bed_stay_request_open', { status: 'granted' });
    course.given(...dayPlaceCourse(), agreementMade(), requested(), granted(), checkedIn('2025-03-03T08:20:00.000Z')).when(request).thenRefused('bed_stay_already_open');
  });
});

describe('GrantBedStay', () => {
  const grant = { type: 'GrantBedStay', courseId, requestId };

  test('within the agreement the stay is granted', () => {
    const state = course.given(...dayPlaceCourse(), agreementMade(), ...earlierStay(), requested()).when(grant).then({
      type: 'BedStayGranted',
      data: { occurredAt: now, requestId, nights: 3 },
    });
    expect(state.bed.requests.get(requestId)?.status).toBe('granted');
  });

  test('more nights than the agreement allows: refused, so a denial is recorded instead', () => {
    course.given(...dayPlaceCourse(), agreementMade(), requested(6)).when(grant).thenRefused('outside_agreement_limits', { limit: 'max_nights_per_stay', maxNightsPerStay: 5 });
  });

  test('too soon after the last stay', () => {
    const lastStay = [requested(3, testId(90), '2025-02-24T08:00:00.000Z'), granted(3, testId(90), '2025-02-24T08:10:00.000Z'), checkedIn('2025-02-24T18:00:00.000Z', testId(91), testId(90)), checkedOut('2025-02-27T10:00:00.000Z', 3, testId(91))];
    course.given(...dayPlaceCourse(), agreementMade(), ...lastStay, requested()).when(grant).thenRefused('outside_agreement_limits', { limit: 'minimum_days_between_stays', daysSinceLastStay: 4 });
  });

  test('the stays of the period are used up', () => {
    const { decision } = course.given(...dayPlaceCourse(), agreementMade({ maxStaysPerPeriod: { stays: 1, periodDays: 90 } }), ...earlierStay(), requested()).when(grant);
    expect(decision).toMatchObject({ ok: false, error: { code: 'outside_agreement_limits', details: { limit: 'max_stays_per_period', staysInPeriod: 1 } } });
  });

  test('an expired or ended agreement', () => {
    course.given(...dayPlaceCourse(), agreementMade({ validTo: '2025-03-02' }), requested()).when(grant).thenRefused('agreement_expired', { validTo: '2025-03-02' });
    const ended: CourseEvent = { type: 'BedAgreementEnded', data: { occurredAt: '2025-03-03T08:05:00.000Z', agreementId } };
    course.given(...dayPlaceCourse(), agreementMade(), requested(), ended).when(grant).thenRefused('agreement_expired');
  });

  test('only a pending request', () => {
    course.given(...dayPlaceCourse(), agreementMade()).when(grant).thenRefused('bed_stay_request_not_found');
    course.given(...dayPlaceCourse(), agreementMade(), requested(), granted()).when(grant).thenRefused('bed_stay_request_not_pending', { status: 'granted' });
  });
});

describe('DenyBedStay', () => {
  const deny = { type: 'DenyBedStay', courseId, requestId, reason: 'no_bed_free' };

  test('the denial and its reason are recorded', () => {
    const state = course.given(...dayPlaceCourse(), agreementMade(), requested()).when({ ...deny, note: 'Offered a call with the night nurse.' }).then({
      type: 'BedStayDenied',
      data: { occurredAt: now, requestId, reason: 'no_bed_free', note: 'Offered a call with the night nurse.' },
    });
    expect(state.bed.requests.get(requestId)?.status).toBe('denied');
  });

  test('only a pending request', () => {
    course.given(...dayPlaceCourse(), agreementMade(), requested(), { type: 'BedStayDenied', data: { occurredAt: now, requestId, reason: 'agreement_expired' } })
      .when(deny)
      .thenRefused('bed_stay_request_not_pending', { status: 'denied' });
  });
});

describe('CheckInBedStay', () => {
  const checkIn = { type: 'CheckInBedStay', courseId };

  test('on a granted request, with the agreement\'s night limit', () => {
    const state = course.given(...dayPlaceCourse(), agreementMade(), requested(), granted()).when(checkIn).then({
      type: 'BedStayCheckedIn',
      data: { occurredAt: now, stayId: testId(1), requestId, maxNightsPerStay: 5 },
    });
    expect(state.bed.openStay).toEqual({ stayId: testId(1), checkedInAt: now, requestId, maxNightsPerStay: 5 });
    expect(state.bed.requests.get(requestId)?.status).toBe('checked_in');
  });

  test('after discharge the bed is there too', () => {
    const discharged: CourseEvent = { type: 'PatientDischarged', data: { occurredAt: '2025-01-31T10:00:00.000Z', admissionId: testId(80), summary: 'Home, stable.' } };
    const history = [courseStarted(), patientAdmitted(undefined, { admissionId: testId(80) }), discharged, agreementMade(), requested(), granted()];
    expect(course.given(...history).when(checkIn).decision.ok).toBe(true);
  });

  test('not without a granted request', () => {
    course.given(...dayPlaceCourse(), agreementMade(), requested()).when(checkIn).thenRefused('no_granted_request');
  });

  test('not while admitted to an earmarked bed', () => {
    course.given(...admittedCourse(), agreementMade(), requested(), granted()).when(checkIn).thenRefused('admitted_to_earmarked_bed');
  });

  test('not twice', () => {
    course.given(...dayPlaceCourse(), agreementMade(), requested(), granted(), checkedIn('2025-03-03T08:20:00.000Z')).when(checkIn).thenRefused('bed_stay_already_open');
  });
});

describe('CheckOutBedStay', () => {
  const checkOut = { type: 'CheckOutBedStay', courseId };
  const inSince = (at: string) => [...dayPlaceCourse(), agreementMade(), requested(), granted(3, requestId, at), checkedIn(at)];

  test('the nights are counted as calendar nights in Norway', () => {
    const state = course.given(...inSince('2025-02-26T18:00:00.000Z')).when(checkOut).then({
      type: 'BedStayCheckedOut',
      data: { occurredAt: now, stayId, nights: 5, maxNightsPerStay: 5, overstay: false, nightsOver: 0, reason: 'left' },
    });
    expect(state.bed.openStay).toBeNull();
    expect(state.bed.stays).toEqual([{ stayId, requestId, checkedInAt: '2025-02-26T18:00:00.000Z', checkedOutAt: now, nights: 5, overstay: false, nightsOver: 0 }]);
  });

  test('an overstay is flagged, never blocked', () => {
    const state = course.given(...inSince('2025-02-24T18:00:00.000Z')).when(checkOut).then({
      type: 'BedStayCheckedOut',
      data: { occurredAt: now, stayId, nights: 7, maxNightsPerStay: 5, overstay: true, nightsOver: 2, reason: 'left' },
    });
    expect(state.bed.stays[0]).toMatchObject({ overstay: true, nightsOver: 2 });
  });

  test('only from an open stay', () => {
    course.given(...dayPlaceCourse(), agreementMade()).when(checkOut).thenRefused('no_open_bed_stay');
  });

  test('not dated before the check-in', () => {
    course.given(...inSince('2025-03-03T08:00:00.000Z')).when({ ...checkOut, occurredAt: '2025-03-03T07:00:00.000Z' }).thenRefused('check_out_before_check_in');
  });
});

describe('closeOpenBedStay', () => {
  test('a discharge checks the patient out of an open stay in the same decision', () => {
    const history = [...dayPlaceCourse(), agreementMade(), requested(), granted(3, requestId, '2025-03-01T18:00:00.000Z'), checkedIn('2025-03-01T18:00:00.000Z')];
    const { decision } = course.given(...history).when({ type: 'DischargePatient', courseId, summary: 'Day place ended as planned.' });
    expect(decision).toMatchObject({
      ok: true,
      events: [
        { type: 'PatientDischarged' },
        { type: 'BedStayCheckedOut', data: { occurredAt: now, stayId, nights: 2, overstay: false, reason: 'discharged' } },
      ],
    });
  });

  test('without an open stay the discharge is all', () => {
    const { decision } = course.given(...dayPlaceCourse(), agreementMade()).when({ type: 'DischargePatient', courseId, summary: 'Day place ended as planned.' });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'PatientDischarged' }] });
    expect(decision.ok && decision.events).toHaveLength(1);
  });
});
