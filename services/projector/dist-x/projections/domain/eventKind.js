"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kindOf = kindOf;
/** Few types, named for every event of every projection: each is worked out once. */
const kinds = new Map();
/** An event type as read models name it: snake_case (`TaperingStepHeld` → `tapering_step_held`). */
function kindOf(type) {
    let kind = kinds.get(type);
    if (kind === undefined) {
        kind = type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
        kinds.set(type, kind);
    }
    return kind;
}
//# sourceMappingURL=eventKind.js.map