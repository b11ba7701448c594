"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.waitFor = waitFor;
/**
 * Polls `probe` until it returns something other than undefined or false; a probe that
 * throws counts as not yet (the relation may not exist yet). Fails after `timeoutMs`
 * with the last error, if any.
 */
async function waitFor(what, probe, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    let lastError;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false)
                return value;
        }
        catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `; last error: ${String(lastError)}` : ''}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}
//# sourceMappingURL=waitFor.js.map