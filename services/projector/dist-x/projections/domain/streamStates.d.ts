import type { StreamKind } from '@medfri/domain';
import type { HandlerContext } from '../../handlerContext.js';
import { type DomainRecord } from './domainRecord.js';
/** How a stream's events fold into its state: a domain decider's `initialState` and `evolve`. */
export interface StreamFold<S> {
    kind: StreamKind;
    initialState: S;
    evolve(state: S, event: {
        type: string;
        data: unknown;
    }): S;
}
/** One event of a stream applied to its state, for deriving rows from what changed. */
export interface Applied<S> {
    record: DomainRecord;
    before: S;
    after: S;
}
export interface StreamProgress<S> {
    streamId: string;
    /** As of the batch's first event: what the read model holds for the stream. */
    before: S;
    state: S;
    applied: Applied<S>[];
}
/**
 * Folds the batch's events of one kind of stream into each stream's state with the
 * domain's own `evolve`, so read models follow the domain's rules instead of repeating
 * them. States live in the run's memory (`context`): a stream not there is folded
 * afresh from its earlier events in the store, which is nothing to read when the batch
 * holds its first event. An event at or before a stream's last folded position is
 * skipped, which makes re-application harmless.
 */
export declare function foldStreams<S>(context: HandlerContext, fold: StreamFold<S>, records: readonly DomainRecord[]): Promise<StreamProgress<S>[]>;
//# sourceMappingURL=streamStates.d.ts.map