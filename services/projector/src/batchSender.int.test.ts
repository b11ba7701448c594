import { migrate } from '@medfri/postgres-migrations';
import { createTestDatabase } from '@medfri/test-kit/database';
import { Pool } from 'pg';
import { BatchSender, type BatchMessage } from './batchSender.js';
import { createBuild } from './createBuild.js';
import type { Build } from './projectionBuilds.js';
import { BatchWrites, type TableRow } from './batchWrites.js';
import type { ProjectionDefinition } from './projectionDefinition.js';
import { projectorMigrations } from './projectorMigrations.js';
import { WriteStatements } from './writeStatements.js';

let pool: Pool;
let sender: BatchSender;

const definition = (name: string): ProjectionDefinition => ({
  // Private tables (a leading _) get no view, so every test projection can name its table alike.
  name, version: 1, migrations: ['CREATE TABLE _marks (position bigint PRIMARY KEY)'], handle: () => undefined,
});

interface Insert { table: string; rows: readonly TableRow[] }

async function message(build: Build, after: number, last: number, statements: string[], inserts: Insert[] = []): Promise<BatchMessage> {
  const writes = new BatchWrites();
  statements.forEach((text) => writes.add(text));
  inserts.forEach((insert) => writes.insert(insert.table, insert.rows, { skipExisting: false }));
  return { buildId: build.buildId, schemaName: build.schemaName, after, last, notify: null, statements: await new WriteStatements(pool, build.schemaName).of(writes) };
}

async function checkpointOf(build: Build): Promise<number> {
  const { rows } = await pool.query<{ checkpoint: string }>('SELECT checkpoint FROM projection_builds WHERE build_id = $1', [build.buildId]);
  return Number(rows[0]?.checkpoint);
}

async function state(build: Build): Promise<{ checkpoint: number; marks: number[] }> {
  const checkpoint = await checkpointOf(build);
  const marks = await pool.query<{ position: string }>(`SELECT position FROM ${build.schemaName}._marks ORDER BY position`);
  return { checkpoint, marks: marks.rows.map((row) => Number(row.position)) };
}

beforeAll(async () => {
  pool = new Pool({ connectionString: await createTestDatabase() });
  await migrate(pool, 'projector', projectorMigrations);
  sender = new BatchSender(pool);
});
afterAll(async () => {
  await pool.end();
});

describe('BatchSender', () => {
  it('applies batches sent in the same turn, each advancing only its own build', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_a'), 'version'), await createBuild(pool, definition('sender_b'), 'version')];
    const [firstMessage, secondMessage] = [
      await message(first, 0, 5, ['INSERT INTO _marks VALUES (5)']),
      await message(second, 0, 7, ['INSERT INTO _marks VALUES (6)', 'INSERT INTO _marks VALUES (7)']),
    ];
    const connections = jest.spyOn(pool, 'connect');
    const outcomes = await Promise.all([sender.send(firstMessage), sender.send(secondMessage)]);
    // One message, one round trip, for both.
    expect(connections).toHaveBeenCalledTimes(1);
    connections.mockRestore();
    expect(outcomes).toEqual([{ committed: true, checkpoint: 5, status: 'active' }, { committed: true, checkpoint: 7, status: 'active' }]);
    expect(await state(first)).toEqual({ checkpoint: 5, marks: [5] });
    expect(await state(second)).toEqual({ checkpoint: 7, marks: [6, 7] });
  });

  it('answers a fenced batch alone: the others in its turn still commit, it writes nothing', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_c'), 'version'), await createBuild(pool, definition('sender_d'), 'version')];
    const messages = [
      await message(first, 0, 3, ['INSERT INTO _marks VALUES (3)']),
      // Not where its follower thinks: another instance moved the checkpoint.
      await message(second, 2, 3, ['INSERT INTO _marks VALUES (3)']),
    ];
    const outcomes = await Promise.all(messages.map((sent) => sender.send(sent)));
    expect(outcomes).toEqual([{ committed: true, checkpoint: 3, status: 'active' }, { committed: false }]);
    expect(await state(first)).toEqual({ checkpoint: 3, marks: [3] });
    expect(await state(second)).toEqual({ checkpoint: 0, marks: [] });
  });

  it('fails only the batch whose statement fails', async () => {
    const [first, second] = [await createBuild(pool, definition('sender_e'), 'version'), await createBuild(pool, definition('sender_f'), 'version')];
    const messages = [
      await message(first, 0, 4, ['INSERT INTO _marks VALUES (4)']),
      await message(second, 0, 4, ['INSERT INTO _marks VALUES (4)', 'INSERT INTO _marks VALUES (4)']),
    ];
    const [good, bad] = await Promise.allSettled(messages.map((sent) => sender.send(sent)));
    expect(good).toEqual({ status: 'fulfilled', value: { committed: true, checkpoint: 4, status: 'active' } });
    expect(bad?.status).toBe('rejected');
    expect(await state(first)).toEqual({ checkpoint: 4, marks: [4] });
    expect(await state(second)).toEqual({ checkpoint: 0, marks: [] });
  });

  it('says when the batches sent so far are written to PostgreSQL, before they commit', async () => {
    const build = await createBuild(pool, definition('sender_written'), 'version');
    const batch = await message(build, 0, 2, ['INSERT INTO _marks VALUES (2)']);
    const locker = await pool.connect();
    try {
      await locker.query('BEGIN');
      await locker.query(`LOCK TABLE ${build.schemaName}._marks IN ACCESS EXCLUSIVE MODE`);
      let committed = false;
      const outcome = sender.send(batch).then((sent) => {
        committed = true;
        return sent;
      });
      let written = false;
      const writing = sender.written().then(() => {
        written = true;
      });
      await Promise.resolve();
      // Not before the sender's turn, which gathers what is sent meanwhile into the same message.
      expect(written).toBe(false);
      await writing;
      // PostgreSQL has the batch: it waits for the lock, and nothing has committed.
      const waitingForLock = async () => (await pool.query<{ waiting: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%_marks%') AS waiting`)).rows[0]?.waiting;
      for (let tries = 0; tries < 100 && !(await waitingForLock()); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await waitingForLock()).toBe(true);
      expect(committed).toBe(false);
      await locker.query('COMMIT');
      expect(await outcome).toEqual({ committed: true, checkpoint: 2, status: 'active' });
      expect(await state(build)).toEqual({ checkpoint: 2, marks: [2] });
    } finally {
      locker.release();
    }
  });

  it('has nothing to write when nothing was sent, or all of it is written', async () => {
    await expect(new BatchSender(pool).written()).resolves.toBeUndefined();
    const build = await createBuild(pool, definition('sender_written_all'), 'version');
    await sender.send(await message(build, 0, 1, ['INSERT INTO _marks VALUES (1)']));
    await expect(sender.written()).resolves.toBeUndefined();
  });

  describe('inserts', () => {
    // Every kind of value a row may hold, and text with what COPY's format must escape.
    const rowsTable: ProjectionDefinition = { ...definition('sender_rows'), migrations: [`CREATE TABLE _rows (position bigint PRIMARY KEY, id uuid, label text, flag boolean, amount numeric,
      at timestamptz, details jsonb, tags text[], list jsonb)`] };
    const rows = (count: number, from: number) => Array.from({ length: count }, (_, index) => ({
      position: from + index,
      id: index % 3 === 0 ? null : `6f1c1b9e-1d2a-4c3b-9e8f-${String(index).padStart(12, '0')}`,
      label: ['tab\there', 'line\nbreak\r\n', 'back\\slash \\N', 'æøå "quoted" \'single\'', '\\.', ''][index % 6],
      flag: index % 2 === 0,
      amount: index % 4 === 0 ? undefined : index / 8,
      at: '2026-03-01T12:00:00.000Z',
      details: { note: 'a\tb\\c\nd', nested: { list: [1, 'x', null] } },
      tags: index % 5 === 0 ? [] : ['a,b', 'c"d', 'e\\f', null],
      list: ['json', 'array'],
    }));
    const contents = async (build: Build) => (await pool.query(
      `SELECT position, id, label, flag, amount, at, details, tags, list FROM ${build.schemaName}._rows ORDER BY position`)).rows;

    it('writes the same rows through COPY (a catch-up batch) as inline (a live one)', async () => {
      const [copied, inlined] = [await createBuild(pool, rowsTable, 'version'), await createBuild(pool, { ...rowsTable, name: 'sender_rows_inline' }, 'version')];
      const many = rows(600, 1);
      const insert = (part: typeof many): Insert => ({ table: '_rows', rows: part });
      await sender.send(await message(copied, 0, 600, ['INSERT INTO _rows (position) VALUES (0)'], [insert(many)]));
      for (let start = 0; start < many.length; start += 50) {
        await sender.send(await message(inlined, start, start + 50, start === 0 ? ['INSERT INTO _rows (position) VALUES (0)'] : [],
          [insert(many.slice(start, start + 50))]));
      }
      const [viaCopy, viaInline] = [await contents(copied), await contents(inlined)];
      expect(viaCopy).toHaveLength(601);
      expect(viaCopy).toEqual(viaInline);
      expect(viaCopy[2]).toMatchObject({ label: 'line\nbreak\r\n', tags: ['a,b', 'c"d', 'e\\f', null], list: ['json', 'array'] });
      expect(viaCopy[3]).toMatchObject({ label: 'back\\slash \\N', details: { note: 'a\tb\\c\nd', nested: { list: [1, 'x', null] } } });
      expect(await checkpointOf(copied)).toBe(600);
    });

    it('rolls back the whole batch when a COPY fails, and the connection serves the next one', async () => {
      const build = await createBuild(pool, { ...rowsTable, name: 'sender_rows_failing' }, 'version');
      const duplicated = [...rows(500, 1), ...rows(1, 1)];
      await expect(sender.send(await message(build, 0, 500, ['INSERT INTO _rows (position) VALUES (0)'],
        [{ table: '_rows', rows: duplicated }]))).rejects.toThrow(/duplicate key/);
      expect(await contents(build)).toEqual([]);
      expect(await checkpointOf(build)).toBe(0);
      await expect(sender.send(await message(build, 0, 500, [], [{ table: '_rows', rows: rows(500, 1) }])))
        .resolves.toEqual({ committed: true, checkpoint: 500, status: 'active' });
      expect(await contents(build)).toHaveLength(500);
    });

    it('fences a catch-up batch like any other: nothing written', async () => {
      const build = await createBuild(pool, { ...rowsTable, name: 'sender_rows_fenced' }, 'version');
      await expect(sender.send(await message(build, 7, 500, [], [{ table: '_rows', rows: rows(500, 1) }])))
        .resolves.toEqual({ committed: false });
      expect(await contents(build)).toEqual([]);
    });
  });
});
