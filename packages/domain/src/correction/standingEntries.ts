import type { CourseState } from '../course/courseState.js';

/** Whether an entry has been marked entered-in-error. */
export function isRetracted(entries: CourseState['entries'], entryId: string): boolean {
  return entries.isRetracted(entryId);
}

/** The entries that still stand: retracted ones stay in history and state, but no longer count. */
export function standingEntries<T extends { readonly entryId: string }>(records: readonly T[], entries: CourseState['entries']): T[] {
  return records.filter((record) => !isRetracted(entries, record.entryId));
}
