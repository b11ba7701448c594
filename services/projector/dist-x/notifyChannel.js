"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTROL_CHANNEL = exports.NOTIFY_CHANNEL = void 0;
exports.parseProjectionNotification = parseProjectionNotification;
/**
 * After every committed change of an active read model the projector notifies this
 * channel with `<projection>:<position>` from inside the same transaction, so a
 * listener that then reads the views sees everything up to that position.
 */
exports.NOTIFY_CHANNEL = 'medfri_projection';
/** Reads a notification payload; undefined for anything else on the channel. */
function parseProjectionNotification(payload) {
    const match = /^([a-z][a-z0-9_]*):(\d+)$/.exec(payload ?? '');
    if (!match?.[1] || !match[2])
        return undefined;
    return { projection: match[1], position: Number(match[2]) };
}
/**
 * Tells the instances holding a projection (any version) that its builds changed: a
 * rebuild was requested, or a new build took over the views. Payload: the projection name.
 */
exports.CONTROL_CHANNEL = 'medfri_projector_control';
//# sourceMappingURL=notifyChannel.js.map