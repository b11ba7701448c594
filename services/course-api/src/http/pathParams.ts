import { code } from '@medfri/domain';
import { z } from 'zod';

/**
 * Path parameters shared by routes. A unit id has the domain's code shape, so a malformed
 * one is a 400 before any query (PostgreSQL refuses some bytes in text, e.g. NUL).
 */
export const unitPathParams = z.strictObject({ unitId: code });
export const patientPathParams = z.strictObject({ patientId: z.uuid() });
export const coursePathParams = unitPathParams.extend({ patientId: z.uuid() });
export const referralPathParams = coursePathParams.extend({ referralId: z.uuid() });
