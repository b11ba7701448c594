import { eventRegistry } from '../kernel/eventDefinition.js';
import { courseEvents } from '../course/courseDecider.js';
import { patientEvents } from '../patient/patientDecider.js';
import { referralEvents } from '../referral/referralDecider.js';

/**
 * Every event definition of the domain, for projections to parse any stored event (with
 * upcasting) and for the service to know which fields to seal (`personalFields`).
 * Event types are unique across streams, so a type alone names its definition.
 */
export const domainEvents = eventRegistry([...referralEvents.definitions, ...courseEvents.definitions, ...patientEvents.definitions]);
