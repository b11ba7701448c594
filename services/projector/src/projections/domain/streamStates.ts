import type { StreamKind } from '@medfri/domain';
import { DerivedPerBatch } from '../../derivedPerBatch.js';
import type { HandlerContext } from '../../handlerContext.js';
import { toDomainRecords, type DomainRecord } from './domainRecord.js';
import { forgetOlderHalf } from './forgetOlderHalf.js';

/** How a stream's events fold into its state: a domain decider's `initialState` and `evolve`. */
export interface StreamFold<S> {
  kind: StreamKind;
  initialState: S;
  evolve(state: S, event: { type: string; data: unknown }): S;
}

/** One event of a stream applied to its state, for deriving rows from what changed; shared by the followers of a fold. */
export interface Applied<S> {
  readonly record: DomainRecord;
  readonly before: S;
  readonly after: S;
}

export interface StreamProgress<S> {
  streamId: string;
  /** As of the batch's first event: what the read model holds for the stream. */
  before: S;
  state: S;
  applied: Applied<S>[];
}

interface Folded<S> {
  state: S;
  lastPosition: number;
}

/**
 * Streams a run keeps folded in memory, the least recently touched forgotten first. A
 * forgotten stream is folded again from its events when next touched; states are a few
 * kilobytes, so this bounds each run's memory to tens of megabytes.
 */
const STREAMS_IN_MEMORY = 5_000;

/** The last result of `evolve` for a record, kept on the record (see evolveOnce). */
const EVOLVED = Symbol('evolved');

type Evolved = DomainRecord & { [EVOLVED]?: Applied<unknown> };

/**
 * Folds the batch's events of one kind of stream into each stream's state with the
 * domain's own `evolve`, so read models follow the domain's rules instead of repeating
 * them. States live in the run's memory (`context`): a stream not there is folded
 * afresh from its earlier events in the store, which is nothing to read when the batch
 * holds its first event. An event at or before a stream's last folded position is
 * skipped, which makes re-application harmless.
 */
export async function foldStreams<S>(context: HandlerContext, fold: StreamFold<S>, records: readonly DomainRecord[]): Promise<StreamProgress<S>[]> {
  const memory = context.remember(fold, () => new Map<string, Folded<S>>());
  const batch = byStream(records, fold.kind);
  if (batch.size === 0) return [];
  await recall(context, fold, memory, batch);

  const progress: StreamProgress<S>[] = [];
  for (const [streamId, mine] of batch) {
    const folded = memory.get(streamId) as Folded<S>;
    // Touched: to the end of the map's order, the last to be forgotten.
    memory.delete(streamId);
    memory.set(streamId, folded);
    const stream: StreamProgress<S> = { streamId, before: folded.state, state: folded.state, applied: [] };
    for (const record of mine) {
      if (record.position <= folded.lastPosition) continue;
      const applied = evolveOnce(fold, folded.state, record);
      stream.applied.push(applied);
      folded.state = applied.after;
      folded.lastPosition = record.position;
    }
    stream.state = folded.state;
    if (stream.applied.length > 0) progress.push(stream);
  }
  if (memory.size > STREAMS_IN_MEMORY) forgetOlderHalf(memory);
  return progress;
}

type ByStream = ReadonlyMap<string, readonly DomainRecord[]>;

/** Groupings of a records array by stream, per kind of stream (records arrays are shared, see toDomainRecords). */
const groupings = new DerivedPerBatch<readonly DomainRecord[], StreamKind, ByStream>();

/** The records of one kind of stream by stream, in the order streams first appear; made once per records array. */
function byStream(records: readonly DomainRecord[], kind: StreamKind): ByStream {
  return groupings.of(records, kind, () => {
    const streams = new Map<string, DomainRecord[]>();
    for (const record of records) {
      if (record.streamKind !== kind) continue;
      const mine = streams.get(record.streamId);
      if (mine) mine.push(record);
      else streams.set(record.streamId, [record]);
    }
    return streams;
  });
}

/** Puts every stream of the batch into memory, as of its events before the batch. */
async function recall<S>(context: HandlerContext, fold: StreamFold<S>, memory: Map<string, Folded<S>>, batch: ByStream): Promise<void> {
  const started: DomainRecord[] = [];
  for (const [streamId, [first]] of batch) {
    if (!first || memory.has(streamId)) continue;
    if (first.revision === 0) memory.set(streamId, { state: fold.initialState, lastPosition: 0 });
    else started.push(first);
  }
  if (started.length === 0) return;
  await Promise.all(started.map(async (first) => {
    const earlier = toDomainRecords(await context.store.readStream(first.stream, { maxCount: first.revision }));
    memory.set(first.streamId, earlier.reduce<Folded<S>>(
      (folded, record) => ({ state: fold.evolve(folded.state, record.event), lastPosition: record.position }),
      { state: fold.initialState, lastPosition: 0 }));
  }));
}

/**
 * `evolve`, once per process for each event and state: the projections following a fold
 * apply the same events (the same objects, see SharedCatchUp) to the same states, so the
 * second one reuses the first one's result, kept on the record (a record belongs to one
 * stream, hence to one fold), and its very Applied object. States are never changed in
 * place, so the result for the same state object and event is the same.
 */
function evolveOnce<S>(fold: StreamFold<S>, before: S, record: DomainRecord): Applied<S> {
  const known = (record as Evolved)[EVOLVED] as Applied<S> | undefined;
  if (known?.before === before) return known;
  const applied: Applied<S> = { record, before, after: fold.evolve(before, record.event) };
  Object.defineProperty(record, EVOLVED, { value: applied, writable: true, configurable: true });
  return applied;
}
