import type { RecordedEvent } from '@medfri/event-store';
import type { BatchMessage } from './batchSender.js';
import type { HandlerContext } from './handlerContext.js';
import type { Build } from './projectionBuilds.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
/**
 * The message applying a batch and advancing the build's checkpoint in one transaction:
 * after a crash either both happened or neither, so re-delivery resumes exactly after the
 * last committed batch. The handler only says what to write; the sender runs the advance,
 * then the statements (see BatchSender). The advance only succeeds from the checkpoint
 * this follower started from, which fences out a former holder of the lock. `events` are
 * those after `after`, in position order.
 */
export declare function batchMessage(definition: ProjectionDefinition, build: Pick<Build, 'buildId' | 'schemaName'>, after: number, events: readonly RecordedEvent[], context: HandlerContext): Promise<BatchMessage>;
//# sourceMappingURL=batchMessage.d.ts.map