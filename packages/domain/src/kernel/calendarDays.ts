import { DateTime } from 'luxon';

/** The time zone of every date a person reads (architecture: time). */
export const localZone = 'Europe/Oslo';

/**
 * Whole calendar days from one instant to another as dates in Norway: in at 22:00 and out
 * the next morning is one night, whatever the hours. Days held on a dose and nights of a
 * stay are counted this way.
 */
export function calendarDaysBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: 'utc' }).setZone(localZone).startOf('day');
  const end = DateTime.fromISO(to, { zone: 'utc' }).setZone(localZone).startOf('day');
  return Math.round(end.diff(start, 'days').days);
}
