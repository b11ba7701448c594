import type { DiagnosisGroup } from '@medfri/reference-data';

/**
 * Whether an ICD-10 code (e.g. `F20.0`) falls in one of a diagnosis group's ranges
 * (`F20-F29`, `F51`). Categories are a letter and two digits, so they compare as strings.
 */
export function icd10InGroup(icd10Code: string, group: DiagnosisGroup): boolean {
  const category = icd10Code.slice(0, 3);
  return group.icd10.some((range) => {
    const [from, to = from] = range.split('-') as [string, string?];
    return category >= from && category <= to;
  });
}
