import { type EventStore, type RecordedEvent } from '@medfri/event-store';
/** Marks every free text the workload writes, so a test can prove none reaches a read model. */
export declare const FREE_TEXT_MARKER = "PRIVATE-NOTE";
export interface WorkloadOptions {
    /** Stop once at least this many events are stored. */
    events: number;
    seed: number;
    /** Simulated time of the first command. */
    start?: string;
}
export interface WorkloadResult {
    events: number;
    commands: number;
    /** Commands the deciders refused, by refusal code: the workload tries things a clinic would. */
    refused: Record<string, number>;
}
/** The events a workload stores, read back in order from a store of their own (for tests without PostgreSQL). */
export declare function workloadEvents(options: WorkloadOptions): Promise<RecordedEvent[]>;
/**
 * A clinic's worth of activity generated through the domain's own deciders: patients
 * are referred, assessed, admitted, get medication recorded and tapered step by step
 * (with holds, reversals and revisions), report symptoms and experiences, relapse, use
 * the user-controlled bed, have entries corrected, are discharged and readmitted.
 * Commands are chosen at random (seeded) from what each stream's state allows; whatever
 * the deciders accept is appended as the course API would append it, personal free
 * text sealed (half of it left plain, to prove read models leave it out either way).
 */
export declare function runDomainWorkload(store: EventStore, options: WorkloadOptions): Promise<WorkloadResult>;
//# sourceMappingURL=domainWorkload.d.ts.map