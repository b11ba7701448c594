import { courseIdFor } from '../course/courseId.js';
import type { CourseStarted } from '../course/courseStarted.js';
import type { PatientAdmitted } from '../admission/admission.js';
import type { PatientDischarged } from '../admission/discharge.js';
import { specification } from './specification.js';
import { courseDecider, courseEvents } from '../course/courseDecider.js';

/** The patient and unit of course tests: Åsgard accepts GP referrals and has a user-controlled bed. */
export const patientId = '5b0e7f0c-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
export const unitId = 'unn-asgard';
export const courseId = courseIdFor(patientId, unitId);
export const admissionId = 'a0000000-0000-4000-8000-000000000001';
export const admittedAt = '2025-01-06T10:00:00.000Z';

/** Given/when/then for the course stream, every event checked against its schema. */
export const course = specification(courseDecider, { events: courseEvents });

export function courseStarted(occurredAt = admittedAt): CourseStarted {
  return { type: 'CourseStarted', data: { occurredAt, courseId, patientId, unitId } };
}

export function patientAdmitted(occurredAt = admittedAt, overrides: Partial<PatientAdmitted['data']> = {}): PatientAdmitted {
  return {
    type: 'PatientAdmitted',
    data: { occurredAt, admissionId, setting: 'earmarked_bed', legalStatus: 'voluntary', readmission: false, ...overrides },
  };
}

export function patientDischarged(occurredAt: string, overrides: Partial<PatientDischarged['data']> = {}): PatientDischarged {
  return { type: 'PatientDischarged', data: { occurredAt, admissionId, summary: 'Discharged home after a stable period.', ...overrides } };
}

/** A course whose patient was admitted on 6 January 2025 and is still in. */
export const admittedCourse = (): [CourseStarted, PatientAdmitted] => [courseStarted(), patientAdmitted()];
