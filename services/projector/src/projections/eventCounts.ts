import type { ProjectionDefinition } from '../projectionDefinition.js';

interface Counted { category: string; type: string; events: number; first: number; last: number }

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
    // Counted here per category and type (by type, then category: no combined key is made
    // per event), so the statement carries a row per category and type rather than three
    // values per event.
    const counts = new Map<string, Map<string, Counted>>();
    for (const event of events) {
      let byCategory = counts.get(event.type);
      if (!byCategory) {
        byCategory = new Map();
        counts.set(event.type, byCategory);
      }
      const dash = event.stream.indexOf('-');
      const category = dash < 0 ? event.stream : event.stream.slice(0, dash);
      const counted = byCategory.get(category);
      if (counted) {
        counted.events += 1;
        counted.last = event.position;
      } else {
        byCategory.set(category, { category, type: event.type, events: 1, first: event.position, last: event.position });
      }
    }
    const keys = [...counts.values()].flatMap((byCategory) => [...byCategory.values()]);
    // A key's events count only if they all come after its last counted position: applying
    // a batch again changes nothing (and a batch never begins inside one applied before).
    writes.add(
      `INSERT INTO event_counts AS counted (category, type, events, last_position)
       SELECT e.category, e.type, e.events, e.last_position
       FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[]) AS e (category, type, events, first_position, last_position)
       LEFT JOIN event_counts known ON known.category = e.category AND known.type = e.type
       WHERE known.last_position IS NULL OR e.first_position > known.last_position
       ON CONFLICT (category, type) DO UPDATE
       SET events = counted.events + excluded.events, last_position = excluded.last_position`,
      [keys.map((key) => key.category), keys.map((key) => key.type), keys.map((key) => key.events), keys.map((key) => key.first), keys.map((key) => key.last)],
    );
  },
};
