/**
 * Polls `probe` until it returns something other than undefined or false; a probe that
 * throws counts as not yet (the relation may not exist yet). Fails after `timeoutMs`
 * with the last error, if any.
 */
export declare function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
//# sourceMappingURL=waitFor.d.ts.map