import { uuid } from '../kernel/primitives.js';
import { courseIdFor, uuidV5 } from './courseId.js';

const patientId = '5b0e7f0c-1d2a-4c3b-9e8f-7a6b5c4d3e2f';

test('uuidV5 matches the RFC 4122 reference value', () => {
  expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('a patient at a unit always has the same course id, a valid UUID', () => {
  const id = courseIdFor(patientId, 'unn-asgard');
  expect(courseIdFor(patientId, 'unn-asgard')).toBe(id);
  expect(courseIdFor(patientId.toUpperCase(), 'unn-asgard')).toBe(id);
  expect(uuid.safeParse(id).success).toBe(true);
});

test('another unit or another patient is another course', () => {
  const id = courseIdFor(patientId, 'unn-asgard');
  expect(courseIdFor(patientId, 'vegsund-dps')).not.toBe(id);
  expect(courseIdFor('6c1f8a1d-2e3b-4d4c-8f9a-8b7c6d5e4f3a', 'unn-asgard')).not.toBe(id);
});
