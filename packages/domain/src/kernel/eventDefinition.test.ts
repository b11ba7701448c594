import { z } from 'zod';
import { defineEvent, eventRegistry, UnknownEventError } from './eventDefinition.js';

// A stored event written under version 1 (dose as a string) read by code at version 2.
const doseNoted = defineEvent('DoseNoted', { dose: z.number(), unit: z.string() }, {
  version: 2,
  upcasters: { 1: (data) => ({ ...data, dose: Number(data.dose), unit: data.unit ?? 'mg' }) },
});
const registry = eventRegistry([doseNoted]);
const occurredAt = '2025-01-01T10:00:00.000Z';

test('data of an older version is upcast to the current shape', () => {
  expect(registry.parse('DoseNoted', { occurredAt, dose: '7.5' }, 1)).toEqual({ type: 'DoseNoted', data: { occurredAt, dose: 7.5, unit: 'mg' } });
});

test('current data is validated, not upcast', () => {
  expect(registry.parse('DoseNoted', { occurredAt, dose: 5, unit: 'mmol' }, 2).data.unit).toBe('mmol');
  expect(() => registry.parse('DoseNoted', { occurredAt, dose: 'five', unit: 'mg' }, 2)).toThrow(z.ZodError);
});

test('unknown types and versions newer than the code are refused', () => {
  expect(() => registry.parse('DoseForgotten', { occurredAt }, 1)).toThrow(UnknownEventError);
  expect(() => registry.parse('DoseNoted', { occurredAt, dose: 5, unit: 'mg' }, 3)).toThrow(UnknownEventError);
});
