import type { CourseState } from '../course/courseState.js';

/** The entries that still stand: retracted ones stay in history and state, but no longer count. */
export function standingEntries<T extends { readonly entryId: string }>(records: readonly T[], entries: CourseState['entries']): T[] {
  return records.filter((record) => !entries.isRetracted(record.entryId));
}
