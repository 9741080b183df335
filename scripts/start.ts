// `npm start`: build when the production build is missing or older than the sources, then serve it.
import { ensureBuild, projectRoot } from './ensure-build';

ensureBuild('start');

process.env.LEITBILD_ROOT ??= projectRoot;
process.env.PORT ??= '3000';
console.log(`[start] Leitbild on http://localhost:${process.env.PORT}`);
await import('./serve');
