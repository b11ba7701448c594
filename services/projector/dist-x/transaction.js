"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Rollback = void 0;
exports.inTransaction = inTransaction;
/** Marks a transaction to be rolled back without being an error, carrying what to return. */
class Rollback {
    value;
    constructor(value) {
        this.value = value;
    }
}
exports.Rollback = Rollback;
/** Runs `work` in one transaction: committed when it returns, rolled back when it throws or returns a Rollback. */
async function inTransaction(pool, work) {
    const tx = await pool.connect();
    let broken;
    try {
        await tx.query('BEGIN');
        const outcome = await work(tx);
        if (outcome instanceof Rollback) {
            await tx.query('ROLLBACK');
            return outcome.value;
        }
        await tx.query('COMMIT');
        return outcome;
    }
    catch (error) {
        broken = await tx.query('ROLLBACK').then(() => undefined, (rollbackError) => rollbackError);
        throw error;
    }
    finally {
        // A connection that could not even roll back is not handed to the next caller.
        tx.release(broken instanceof Error ? broken : undefined);
    }
}
//# sourceMappingURL=transaction.js.map