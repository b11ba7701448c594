import type { CommandCatalogEntry } from '@medfri/domain';

/** `RecordMedicationInUse` → `record-medication-in-use`. */
export const kebabCase = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/**
 * Where a command is sent, by the stream it acts on. Referral and course paths name the
 * unit and the patient: the unit decides who may act (its clinicians), the patient whose
 * key seals the free text, and the course id is derived from both (`courseIdFor`), so a
 * course path cannot point at another unit's course.
 */
export function commandPath(entry: CommandCatalogEntry): string {
  const action = kebabCase(entry.type);
  switch (entry.stream) {
    case 'referral':
      return `/units/:unitId/patients/:patientId/referrals/:referralId/${action}`;
    case 'course':
      return `/units/:unitId/patients/:patientId/course/${action}`;
    case 'patient':
      return `/patients/:patientId/${action}`;
  }
}
