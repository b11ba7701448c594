import type { Projector } from '@medfri/projector';
import type { EventStore } from '@medfri/event-store';

const POLL_MS = 20;

/**
 * Resolves once every projection has applied every event the store holds now: queries
 * after it see what was written before it. Polls the projector's own status (no wall-clock
 * guess), and fails with the lagging projections after `timeoutMs`.
 */
export async function projectorCaughtUp(projector: Projector, store: EventStore, timeoutMs = 20_000): Promise<void> {
  const head = Number(await store.headPosition());
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lagging = projector.status().filter((projection) =>
      !projection.builds.some((build) => build.status === 'active' && Number(build.checkpoint) >= head));
    if (lagging.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Projections still behind position ${head}: ${lagging.map((p) => p.name).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
