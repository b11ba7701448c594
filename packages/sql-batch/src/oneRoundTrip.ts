import type { ClientBase, Connection, Submittable } from 'pg';

/** A statement of a message; a `COPY … FROM STDIN` carries the data it reads (see copyChunks). */
export interface MessageStatement {
  readonly text: string;
  readonly copyData?: readonly Buffer[];
}

/** The rows each statement returned, in the order of the statements; none for a statement without rows. */
export type StatementRows = Record<string, unknown>[][];

const COPY_DATA = 0x64;
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

interface Column {
  name: string;
  parse(text: string): unknown;
}

/**
 * The protocol side of runInOneRoundTrip: writes the query and every COPY's data at once,
 * then collects each statement's rows until PostgreSQL is ready again.
 */
class OneRoundTrip implements Submittable {
  private readonly results: StatementRows = [];
  private columns: Column[] | undefined;
  private rows: Record<string, unknown>[] = [];
  private copiesStarted = 0;
  private readonly copies: (readonly Buffer[])[];
  private settle!: { resolve(rows: StatementRows): void; reject(error: unknown): void };
  readonly done = new Promise<StatementRows>((resolve, reject) => {
    this.settle = { resolve, reject };
  });

  constructor(private readonly client: ClientBase, private readonly statements: readonly MessageStatement[]) {
    this.copies = statements.flatMap((statement) => (statement.copyData ? [statement.copyData] : []));
  }

  submit(connection: Connection): void {
    const { stream } = connection;
    stream.cork();
    connection.query(this.statements.map((statement) => statement.text).join(';\n'));
    for (const data of this.copies) {
      for (const chunk of data) {
        const header = Buffer.allocUnsafe(5);
        header[0] = COPY_DATA;
        header.writeUInt32BE(chunk.length + 4, 1);
        stream.write(header);
        stream.write(chunk);
      }
      stream.write(COPY_DONE);
    }
    stream.uncork();
  }

  handleRowDescription(message: { fields: { name: string; dataTypeID: number }[] }): void {
    this.columns = message.fields.map((field) => ({ name: field.name, parse: this.client.getTypeParser(field.dataTypeID, 'text') }));
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const row: Record<string, unknown> = {};
    this.columns?.forEach((column, index) => {
      const text = message.fields[index];
      row[column.name] = text === null || text === undefined ? null : column.parse(text);
    });
    this.rows.push(row);
  }

  handleCommandComplete(): void {
    this.results.push(this.rows);
    this.rows = [];
    this.columns = undefined;
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handleCopyInResponse(connection: Connection): void {
    this.copiesStarted += 1;
    // A COPY FROM STDIN given no data would wait for it for ever: fail it, which fails the message.
    if (this.copiesStarted > this.copies.length) (connection as unknown as { sendCopyFail(message: string): void }).sendCopyFail('no data was given for this COPY');
  }

  handleError(error: unknown): void {
    this.settle.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.results);
  }
}

/**
 * Runs statements as one simple-query message, each COPY's data written right behind it,
 * without waiting for PostgreSQL to ask for it: one round trip in all. PostgreSQL runs the
 * statements as one implicit transaction, rolled back whole if any fails. It reads each
 * COPY's data when it reaches that COPY; what follows a failed statement, data included,
 * it discards. Nothing waits on this process between the statements, so a busy event loop
 * here does not hold the transaction open. Rows are parsed with the client's type parsers.
 */
export function runInOneRoundTrip(client: ClientBase, statements: readonly MessageStatement[]): Promise<StatementRows> {
  const trip = new OneRoundTrip(client, statements);
  void client.query(trip);
  return trip.done;
}
