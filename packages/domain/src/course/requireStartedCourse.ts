import { refuse, type Decision } from '../kernel/decision.js';
import type { CourseState } from './courseState.js';

export type StartedCourse = NonNullable<CourseState['course']>;

/** Every course command but the first admission needs a started course (its first `AdmitPatient`). */
export function requireStartedCourse<E>(state: CourseState, decide: (course: StartedCourse) => Decision<E>): Decision<E> {
  if (state.course === null) return refuse('course_not_started', 'The course has not started: the patient has not been admitted to this unit');
  return decide(state.course);
}
