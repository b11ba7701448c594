import type { ProjectionDefinition } from '../projectionDefinition.js';

/**
 * Events per stream category and type: an operator's view of what the store holds,
 * independent of the domain's event shapes.
 */
export const eventCounts: ProjectionDefinition = {
  name: 'event_counts',
  version: 1,
  migrations: [`
    CREATE TABLE event_counts (
      category text NOT NULL,
      type text NOT NULL,
      events bigint NOT NULL,
      last_position bigint NOT NULL,
      PRIMARY KEY (category, type)
    )`],
  handle(events, writes) {
    // Only events after a key's last counted position count: applying a batch again changes nothing.
    writes.add(
      `INSERT INTO event_counts AS counted (category, type, events, last_position)
       SELECT e.category, e.type, count(*), max(e.position)
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS e (category, type, position)
       LEFT JOIN event_counts known ON known.category = e.category AND known.type = e.type
       WHERE known.last_position IS NULL OR e.position > known.last_position
       GROUP BY e.category, e.type
       ON CONFLICT (category, type) DO UPDATE
       SET events = counted.events + excluded.events, last_position = excluded.last_position`,
      [events.map((event) => event.stream.split('-', 1)[0]), events.map((event) => event.type), events.map((event) => event.position)],
    );
  },
};
