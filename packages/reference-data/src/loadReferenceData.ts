import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildReferenceData, type ReferenceData } from './referenceData.js';

/** The seed files a fresh installation starts with, shipped in this package. */
export const defaultReferenceDirectory = resolve(__dirname, '..', 'data');

const fileNames = {
  regions: 'regions.json',
  units: 'units.json',
  referralSources: 'referral-sources.json',
  rejectionReasons: 'rejection-reasons.json',
  diagnosisGroups: 'diagnosis-groups.json',
  treatmentMethods: 'treatment-methods.json',
  medications: 'medications.json',
} as const;

/** Reads and validates a directory of reference files (a site may point to its own). */
export function loadReferenceData(directory: string = defaultReferenceDirectory): ReferenceData {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(directory, name), 'utf8'));
  return buildReferenceData({
    regions: read(fileNames.regions),
    units: read(fileNames.units),
    referralSources: read(fileNames.referralSources),
    rejectionReasons: read(fileNames.rejectionReasons),
    diagnosisGroups: read(fileNames.diagnosisGroups),
    treatmentMethods: read(fileNames.treatmentMethods),
    medications: read(fileNames.medications),
  });
}
