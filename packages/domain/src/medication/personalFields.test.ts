import { z } from 'zod';
import { personalText } from '../kernel/primitives.js';
import { medicationArea } from './medicationArea.js';
import { taperingArea } from '../tapering/taperingArea.js';
import { observationArea } from '../observation/observationArea.js';
import { relapseArea } from '../relapse/relapseArea.js';
import { bedArea } from '../userControlledBed/bedArea.js';

/** Free text about a patient is personal data: every such field must be declared, so the service seals it. */
const holdsPersonalText = (schema: z.ZodType): boolean =>
  schema === personalText || ((schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) && holdsPersonalText(schema.unwrap() as z.ZodType));

test.each([medicationArea, taperingArea, observationArea, relapseArea, bedArea].flatMap((area) => area.events.map((definition) => [definition.type, definition] as const)))(
  '%s declares every free-text field as personal',
  (_type, definition) => {
    const textFields = Object.entries(definition.schema.shape)
      .filter(([, schema]) => holdsPersonalText(schema as z.ZodType))
      .map(([field]) => field);
    expect([...definition.personalFields].sort()).toEqual(textFields.sort());
  },
);
