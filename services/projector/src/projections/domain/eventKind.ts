/** An event type as read models name it: snake_case (`TaperingStepHeld` → `tapering_step_held`). */
export function kindOf(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
