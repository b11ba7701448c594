import { describeEventStoreConformance } from './conformance/eventStoreConformance.js';
import { createInMemoryEventStore } from './inMemoryEventStore.js';

describeEventStoreConformance('in-memory', async () => ({ store: createInMemoryEventStore() }));
