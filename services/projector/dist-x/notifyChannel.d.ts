/**
 * After every committed change of an active read model the projector notifies this
 * channel with `<projection>:<position>` from inside the same transaction, so a
 * listener that then reads the views sees everything up to that position.
 */
export declare const NOTIFY_CHANNEL = "medfri_projection";
export interface ProjectionNotification {
    projection: string;
    position: number;
}
/** Reads a notification payload; undefined for anything else on the channel. */
export declare function parseProjectionNotification(payload: string | undefined): ProjectionNotification | undefined;
/**
 * Tells the instances holding a projection (any version) that its builds changed: a
 * rebuild was requested, or a new build took over the views. Payload: the projection name.
 */
export declare const CONTROL_CHANNEL = "medfri_projector_control";
//# sourceMappingURL=notifyChannel.d.ts.map