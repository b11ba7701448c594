/** A promise with its resolve function at hand (Promise.withResolvers is Node 22). */
export declare function withResolvers(): {
    promise: Promise<void>;
    resolve: () => void;
};
//# sourceMappingURL=withResolvers.d.ts.map