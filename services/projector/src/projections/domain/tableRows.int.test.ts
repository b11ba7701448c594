import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { BatchWrites, inlineStatement, type Write } from '../../batchWrites.js';
import type { StreamProgress } from './streamStates.js';
import { DuplicateRowKeyError, replaceChangedRows } from './tableRows.js';

/** A plan's steps as a stream's state derives them: one row per step. */
interface PlanState {
  steps: readonly { index: number; status: string }[];
}

const stepRows = (planId: string, state: PlanState) =>
  state.steps.map((step) => ({ plan_id: planId, step_index: step.index, status: step.status }));

const PLAN = '6f1c1b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const OTHER_PLAN = '0b7e2c41-5f3a-4d2e-8c1b-9a8f7e6d5c4b';

let pool: Pool;

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await pool.query(`CREATE TABLE steps (plan_id uuid NOT NULL, step_index integer NOT NULL, status text NOT NULL,
    PRIMARY KEY (plan_id, step_index))`);
});
afterAll(async () => {
  await pool.end();
});

function progress(streamId: string, before: PlanState, state: PlanState): StreamProgress<PlanState> {
  return { streamId, before, state, applied: [] };
}

/** Runs what replaceChangedRows asks for, as the projector would (in one transaction). */
async function apply(streams: StreamProgress<PlanState>[]): Promise<{ writes: readonly Write[]; rewritten: string[] }> {
  const writes = new BatchWrites();
  const rewritten = replaceChangedRows(writes, 'steps', ['plan_id', 'step_index'], streams, stepRows);
  if (writes.size > 0) await pool.query(['BEGIN', ...writes.writes.map(inlineStatement), 'COMMIT'].join(';\n'));
  return { writes: writes.writes, rewritten };
}

async function table(): Promise<{ plan_id: string; step_index: number; status: string }[]> {
  return (await pool.query('SELECT plan_id, step_index, status FROM steps ORDER BY plan_id, step_index')).rows;
}

describe('replaceChangedRows', () => {
  it('writes only the rows that changed, by primary key, and leaves the table as the new states derive it', async () => {
    const empty: PlanState = { steps: [] };
    const planned: PlanState = { steps: [1, 2, 3, 4].map((index) => ({ index, status: 'planned' })) };
    await apply([progress(PLAN, empty, planned), progress(OTHER_PLAN, empty, planned)]);

    // Step 2 starts, step 4 is dropped, step 5 is added; the other plan does not change.
    const changed: PlanState = { steps: [{ index: 1, status: 'planned' }, { index: 2, status: 'started' }, { index: 3, status: 'planned' }, { index: 5, status: 'planned' }] };
    const { writes, rewritten } = await apply([progress(PLAN, planned, changed), progress(OTHER_PLAN, planned, planned)]);

    expect(rewritten).toEqual([PLAN]);
    expect(writes).toHaveLength(2);
    // Removed are the changed step and the dropped one; inserted the changed step and the new one.
    const [removal, insert] = writes;
    expect(removal?.kind).toBe('statement');
    const deleted = removal?.kind === 'statement' ? removal.text : '';
    expect(deleted).toMatch(/^DELETE FROM steps/);
    expect(deleted).toContain(`{"plan_id":"${PLAN}","step_index":2}`);
    expect(deleted).toContain(`{"plan_id":"${PLAN}","step_index":4}`);
    expect(deleted).not.toContain('"step_index":1}');
    expect(insert).toEqual({ kind: 'insert', table: 'steps', skipExisting: false, rows: [
      { plan_id: PLAN, step_index: 2, status: 'started' },
      { plan_id: PLAN, step_index: 5, status: 'planned' },
    ] });

    const expected = [...stepRows(OTHER_PLAN, planned), ...stepRows(PLAN, changed)]
      .sort((a, b) => a.plan_id.localeCompare(b.plan_id) || a.step_index - b.step_index);
    expect(await table()).toEqual(expected);
  });

  it('writes nothing for a stream whose rows the batch did not change', async () => {
    const before: PlanState = { steps: [{ index: 1, status: 'planned' }] };
    // A new state object that derives the same rows.
    const { writes, rewritten } = await apply([progress(PLAN, before, { steps: [{ index: 1, status: 'planned' }] })]);
    expect(writes).toEqual([]);
    expect(rewritten).toEqual([]);
  });

  it('refuses rows that share a primary key before anything is written', () => {
    const twice: PlanState = { steps: [{ index: 1, status: 'planned' }, { index: 1, status: 'started' }] };
    const writes = new BatchWrites();
    expect(() => replaceChangedRows(writes, 'steps', ['plan_id', 'step_index'], [progress(PLAN, { steps: [] }, twice)], stepRows))
      .toThrow(DuplicateRowKeyError);
    expect(writes.size).toBe(0);
  });
});
