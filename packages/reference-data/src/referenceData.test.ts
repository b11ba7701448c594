import { loadReferenceData } from './loadReferenceData.js';
import { buildReferenceData, ReferenceDataError, type ReferenceFiles } from './referenceData.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = join(__dirname, '..', 'data');
const raw = (name: string): unknown => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const seed = (): ReferenceFiles => ({
  regions: raw('regions.json'), units: raw('units.json'), referralSources: raw('referral-sources.json'),
  rejectionReasons: raw('rejection-reasons.json'), diagnosisGroups: raw('diagnosis-groups.json'),
  treatmentMethods: raw('treatment-methods.json'), medications: raw('medications.json'),
});

test('the seed files load, with lookups by code', () => {
  const reference = loadReferenceData();
  expect(reference.units.get('unn-asgard')?.acceptedReferralSources).toEqual(['specialist', 'gp']);
  expect(reference.medications.get('N05AH03')).toMatchObject({ name: 'olanzapine', ddd: 10, unit: 'mg' });
  expect(reference.regions.size).toBe(4);
  expect(reference.treatmentMethods.has('nada_acupuncture')).toBe(true);
  const places = [...reference.units.values()].reduce((sum, u) => sum + u.earmarkedBeds + u.dayPlaces, 0);
  expect(places).toBe(56);
});

test('a unit citing an unknown referral source is refused with the offending code', () => {
  const files = seed();
  (files.units as Array<{ acceptedReferralSources: string[] }>)[0]!.acceptedReferralSources.push('pharmacy');
  expect(() => buildReferenceData(files)).toThrow(ReferenceDataError);
  expect(() => buildReferenceData(files)).toThrow(/referral source pharmacy/);
});

test('a medication without a positive DDD is refused', () => {
  const files = seed();
  (files.medications as { medications: Array<{ ddd: number }> }).medications[0]!.ddd = 0;
  expect(() => buildReferenceData(files)).toThrow(/medications/);
});

test('duplicate codes are refused', () => {
  const files = seed();
  const regions = files.regions as unknown[];
  regions.push(regions[0]);
  expect(() => buildReferenceData(files)).toThrow(/duplicate code helse-nord/);
});
