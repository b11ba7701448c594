import { domainCommandRoutes } from '../commands/domainCommandRoutes.js';
import type { AnyRoute } from '../http/route.js';
import { queryRoutes } from '../queries/queryRoutes.js';
import { readOwnAccessLog } from './accessLogRoutes.js';
import { erasePatient, readIdentity, registerPatient, searchPatients } from './patientRoutes.js';

/** The route table: every API endpoint, in the order the documentation lists them. */
export const apiRoutes: readonly AnyRoute[] = [registerPatient, searchPatients, readIdentity, erasePatient, readOwnAccessLog, ...queryRoutes, ...domainCommandRoutes];
