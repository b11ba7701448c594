import { z } from 'zod';

/** The pharmaceutical form; it decides which doses can be made (see doseRounding.ts). */
export const formulationSchema = z.enum(['tablet', 'capsule', 'oral_solution', 'depot_injection']);

export type Formulation = z.infer<typeof formulationSchema>;
