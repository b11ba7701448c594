import type { Pool } from 'pg';
import type { AppendResult } from '../port.js';
import type { ValidatedAppend } from '../validation.js';
import { appendAutocommit, appendGroup } from './postgresAppend.js';

export interface GroupCommitLimits {
  /** Groups being written at once; an append arriving while fewer are goes at once. */
  maxInFlight: number;
  /** Appends per group at most. */
  maxGroupSize: number;
}

interface Waiting {
  append: ValidatedAppend;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the appends made through one store. While `maxInFlight` groups are
 * being written, further appends wait, then go together as the next group: one statement,
 * one transaction, one commit (and one wait for the disk) for all of them, each still
 * settled on its own. With fewer groups in flight an append goes at once, alone, by the
 * one-statement path: a store that is not busy makes nobody wait.
 */
export class GroupCommit {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly limits: GroupCommitLimits,
  ) {}

  append(append: ValidatedAppend): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ append, resolve, reject });
      if (this.inFlight < this.limits.maxInFlight) this.writeNext();
    });
  }

  private writeNext(): void {
    const group = this.waiting.splice(0, this.limits.maxGroupSize);
    this.inFlight += 1;
    void this.write(group).finally(() => {
      this.inFlight -= 1;
      if (this.waiting.length > 0) this.writeNext();
    });
  }

  private async write(group: readonly Waiting[]): Promise<void> {
    try {
      const [only] = group;
      if (group.length === 1 && only) {
        only.resolve(await appendAutocommit(this.pool, only.append));
        return;
      }
      const settled = await appendGroup(this.pool, group.map((waiting) => waiting.append));
      settled.forEach((outcome, index) => {
        const waiting = group[index] as Waiting;
        if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
        else waiting.reject(outcome.reason);
      });
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
    }
  }
}
