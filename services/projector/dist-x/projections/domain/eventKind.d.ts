/** An event type as read models name it: snake_case (`TaperingStepHeld` → `tapering_step_held`). */
export declare function kindOf(type: string): string;
//# sourceMappingURL=eventKind.d.ts.map