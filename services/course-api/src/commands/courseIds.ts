import { courseIdFor } from '@medfri/domain';

const CAPACITY = 10_000;
const known = new Map<string, string>();

/**
 * `courseIdFor`, remembered: the id is a SHA-1 name-based UUID, and every course command
 * and read would otherwise hash the same patient and unit again. A pure function, so
 * forgetting everything at the capacity is only a cost, never a wrong answer.
 */
export function courseIdOf(patientId: string, unitId: string): string {
  const key = `${patientId}\u0000${unitId}`;
  let courseId = known.get(key);
  if (courseId === undefined) {
    courseId = courseIdFor(patientId, unitId);
    if (known.size >= CAPACITY) known.clear();
    known.set(key, courseId);
  }
  return courseId;
}
