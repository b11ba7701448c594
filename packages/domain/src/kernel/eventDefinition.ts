import { z } from 'zod';

/** Turns data written under an older schema version into the next version's shape. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventDefinition<Type extends string, Schema extends z.ZodObject> {
  readonly type: Type;
  /** Current schema version; stored in each event's metadata. */
  readonly version: number;
  readonly schema: Schema;
  /** upcasters[v] lifts data of version v to v + 1. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
  /** Top-level fields holding personal free text, sealed with the patient's key in storage. */
  readonly personalFields: readonly (keyof z.infer<Schema> & string)[];
}

/** Every event's data carries its clinical time; the store copies it to metadata.occurredAt. */
export const eventBase = z.object({ occurredAt: z.iso.datetime({ offset: false }) });

export function defineEvent<Type extends string, Shape extends z.ZodRawShape>(
  type: Type,
  shape: Shape,
  options: {
    version?: number;
    upcasters?: Record<number, Upcaster>;
    personalFields?: readonly (keyof Shape & string)[];
  } = {},
) {
  const schema = eventBase.extend(shape);
  return {
    type,
    version: options.version ?? 1,
    schema,
    upcasters: options.upcasters ?? {},
    personalFields: options.personalFields ?? [],
  } as EventDefinition<Type, typeof schema>;
}

/** The domain event for a definition: `{ type, data }`. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? { type: T; data: z.infer<S> } : never;

export class UnknownEventError extends Error {
  readonly code = 'unknown_event';
  constructor(readonly type: string, readonly version: number) {
    super(`No definition for event ${type} v${version}`);
    this.name = 'UnknownEventError';
  }
}

/**
 * A registry of event definitions: upcasts stored data of any known version to the
 * current one and validates it, so deciders and projections only see current shapes.
 */
export function eventRegistry<D extends EventDefinition<string, z.ZodObject>>(definitions: readonly D[]) {
  const byType = new Map<string, D>(definitions.map((d) => [d.type, d]));
  return {
    definitions,
    get(type: string): D | undefined {
      return byType.get(type);
    },
    /** Stored `{ type, data, version }` to the current domain event; throws on unknown types or invalid data. */
    parse(type: string, data: unknown, version: number): EventOf<D> {
      const definition = byType.get(type);
      if (!definition || version < 1 || version > definition.version) throw new UnknownEventError(type, version);
      let current = data as Record<string, unknown>;
      for (let v = version; v < definition.version; v += 1) {
        const upcast = definition.upcasters[v];
        if (!upcast) throw new UnknownEventError(type, v);
        current = upcast(current);
      }
      return { type, data: definition.schema.parse(current) } as EventOf<D>;
    },
  };
}
