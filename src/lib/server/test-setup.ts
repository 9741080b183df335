// Runs before every test file. The files of one Vitest worker share their modules (isolate: false, which
// saves a third of the run), so what a module keeps between calls starts afresh here for each file.
import { memoryStore, useRateLimitStore } from './http/rate-limit';
import { refuseQueriesOnBusyClients } from './db/busy-client-guard';

useRateLimitStore(memoryStore);
refuseQueriesOnBusyClients();
