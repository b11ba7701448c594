import { uuid } from '../kernel/primitives.js';

/** The three kinds of stream, named `<kind>-<uuid>` (see the package README for why these boundaries). */
export const streamKinds = ['referral', 'course', 'patient'] as const;
export type StreamKind = (typeof streamKinds)[number];

export function streamNameFor(kind: StreamKind, id: string): string {
  return `${kind}-${id}`;
}

/** The kind and id of a domain stream name, or null for any other stream. */
export function parseStreamName(name: string): { kind: StreamKind; id: string } | null {
  const dash = name.indexOf('-');
  const kind = streamKinds.find((k) => k === name.slice(0, dash));
  const id = name.slice(dash + 1);
  return kind && uuid.safeParse(id).success ? { kind, id } : null;
}
