import { z } from 'zod';
import {
  codedLabelSchema, diagnosisGroupSchema, medicationsFileSchema, regionSchema, unitSchema,
  type CodedLabel, type DiagnosisGroup, type Medication, type Region, type Unit,
} from './schemas.js';

/** The raw contents of the reference files, before validation. */
export interface ReferenceFiles {
  regions: unknown;
  units: unknown;
  referralSources: unknown;
  rejectionReasons: unknown;
  diagnosisGroups: unknown;
  treatmentMethods: unknown;
  medications: unknown;
}

/** Validated reference data with lookups by code; immutable once built. */
export interface ReferenceData {
  regions: ReadonlyMap<string, Region>;
  units: ReadonlyMap<string, Unit>;
  referralSources: ReadonlyMap<string, CodedLabel>;
  rejectionReasons: ReadonlyMap<string, CodedLabel>;
  diagnosisGroups: ReadonlyMap<string, DiagnosisGroup>;
  treatmentMethods: ReadonlySet<string>;
  /** By ATC code. */
  medications: ReadonlyMap<string, Medication>;
}

export class ReferenceDataError extends Error {
  readonly code = 'invalid_reference_data';
  constructor(readonly file: string, readonly issues: string[]) {
    super(`Reference data ${file} is invalid: ${issues.join('; ')}`);
    this.name = 'ReferenceDataError';
  }
}

function parse<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ReferenceDataError(file, result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

function byKey<T>(file: string, items: T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (map.has(k)) throw new ReferenceDataError(file, [`duplicate code ${k}`]);
    map.set(k, item);
  }
  return map;
}

/** Validates the reference files and checks that every code they cite exists. */
export function buildReferenceData(files: ReferenceFiles): ReferenceData {
  const regions = byKey('regions', parse('regions', z.array(regionSchema), files.regions), (r) => r.id);
  const units = byKey('units', parse('units', z.array(unitSchema), files.units), (u) => u.id);
  const referralSources = byKey('referral-sources', parse('referral-sources', z.array(codedLabelSchema), files.referralSources), (s) => s.code);
  const rejectionReasons = byKey('rejection-reasons', parse('rejection-reasons', z.array(codedLabelSchema), files.rejectionReasons), (r) => r.code);
  const diagnosisGroups = byKey('diagnosis-groups', parse('diagnosis-groups', z.array(diagnosisGroupSchema), files.diagnosisGroups), (g) => g.code);
  const treatmentMethods = new Set(parse('treatment-methods', z.array(z.string().min(1)), files.treatmentMethods));
  const medications = byKey('medications', parse('medications', medicationsFileSchema, files.medications).medications, (m) => m.atc);

  const missing: string[] = [];
  for (const unit of units.values()) {
    if (!regions.has(unit.region)) missing.push(`unit ${unit.id}: region ${unit.region}`);
    for (const s of unit.acceptedReferralSources) if (!referralSources.has(s)) missing.push(`unit ${unit.id}: referral source ${s}`);
    for (const r of unit.exclusionReasons) if (!rejectionReasons.has(r)) missing.push(`unit ${unit.id}: rejection reason ${r}`);
    for (const g of unit.prioritizedGroups) if (!diagnosisGroups.has(g)) missing.push(`unit ${unit.id}: diagnosis group ${g}`);
  }
  if (missing.length > 0) throw new ReferenceDataError('units', missing.map((m) => `unknown ${m}`));

  return { regions, units, referralSources, rejectionReasons, diagnosisGroups, treatmentMethods, medications };
}
