import { inlineParameters, type SqlValue } from '@medfri/sql-batch';

/**
 * The statements a projection's handler wants applied for a batch. The runtime sends them
 * with the checkpoint's advance as one message, one transaction: a batch costs one round
 * trip however many tables it touches, and the handler never waits on the database.
 */
export class BatchWrites {
  private readonly texts: string[] = [];

  /** A statement with `$1`… parameters, as for `pg`'s query; its values are written inline. */
  add(text: string, values: readonly SqlValue[] = []): void {
    this.texts.push(inlineParameters(text, values));
  }

  get size(): number {
    return this.texts.length;
  }

  /** The statements in the order added. */
  get statements(): readonly string[] {
    return this.texts;
  }
}
