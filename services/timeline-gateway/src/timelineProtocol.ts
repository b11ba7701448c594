import { z } from 'zod';

/**
 * What goes over the socket. The handshake carries the token (`auth: { token }`).
 * The client joins a patient's timeline with the position of the last entry it has
 * (or none), receives every later entry exactly once in position order, then the
 * acknowledgement, then live entries. After any disconnect it joins again with its
 * last position.
 */

export const joinRequestSchema = z.object({
  patientId: z.uuid(),
  /** Global position of the last entry the client has; entries after it are sent. */
  after: z.number().int().nonnegative().optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const leaveRequestSchema = z.object({ patientId: z.uuid() });
export type LeaveRequest = z.infer<typeof leaveRequestSchema>;

export type ErrorCode = 'unauthenticated' | 'forbidden' | 'invalid' | 'unavailable';

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/** `position`: the last position sent for the patient, the client's next `after`. */
export type JoinAck = Ack<{ patientId: string; position: number }>;
export type LeaveAck = Ack<{ patientId: string }>;

/** One clinically meaningful event in a patient's course. Free text never appears here. */
export interface TimelineEntry {
  /** Global position of the event: strictly increasing, the client's resume point. */
  position: number;
  eventId: string;
  patientId: string;
  courseId: string | null;
  /** Clinical time, ISO 8601 UTC. */
  occurredAt: string;
  recordedAt: string;
  kind: string;
  summary: { nb: string; en: string };
  /** Structured facts of the entry (codes, doses, dates) for display. */
  details: Record<string, unknown>;
  /** Set when a later correction retracted this entry: the correction's position. */
  retractedBy: number | null;
  /** Set on a correction: the position of the entry it retracts. */
  retracts: number | null;
}

export interface EntriesMessage {
  entries: TimelineEntry[];
}

export interface ClientToServerEvents {
  join(request: JoinRequest, ack: (response: JoinAck) => void): void;
  leave(request: LeaveRequest, ack: (response: LeaveAck) => void): void;
}

export interface ServerToClientEvents {
  entries(message: EntriesMessage): void;
}
