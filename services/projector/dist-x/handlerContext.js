"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createHandlerContext = createHandlerContext;
function createHandlerContext(store) {
    const memory = new Map();
    return {
        store,
        remember(owner, create) {
            if (!memory.has(owner))
                memory.set(owner, create());
            return memory.get(owner);
        },
    };
}
//# sourceMappingURL=handlerContext.js.map