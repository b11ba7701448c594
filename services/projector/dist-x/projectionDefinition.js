"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidProjectionError = void 0;
exports.assertValidDefinition = assertValidDefinition;
const NAME = /^[a-z][a-z0-9_]{0,39}$/;
class InvalidProjectionError extends Error {
    code = 'invalid_projection';
    constructor(name, reason) {
        super(`Projection "${name}": ${reason}`);
        this.name = new.target.name;
    }
}
exports.InvalidProjectionError = InvalidProjectionError;
/** Rejects definitions the runtime could not name safely in SQL or could not version. */
function assertValidDefinition(definition) {
    if (!NAME.test(definition.name)) {
        throw new InvalidProjectionError(definition.name, 'name must match [a-z][a-z0-9_]{0,39}');
    }
    if (!Number.isInteger(definition.version) || definition.version < 1) {
        throw new InvalidProjectionError(definition.name, 'version must be a positive integer');
    }
}
//# sourceMappingURL=projectionDefinition.js.map