"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withResolvers = withResolvers;
/** A promise with its resolve function at hand (Promise.withResolvers is Node 22). */
function withResolvers() {
    let resolve = () => undefined;
    const promise = new Promise((settle) => {
        resolve = settle;
    });
    return { promise, resolve };
}
//# sourceMappingURL=withResolvers.js.map