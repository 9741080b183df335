// `npm start`: build when the production build is missing or older than the sources, then serve it.
import { pathToFileURL } from 'node:url';
import { buildEntry, ensureBuild, projectRoot } from './ensure-build';

ensureBuild('start');

process.env.LEITBILD_ROOT ??= projectRoot;
process.env.PORT ??= '3000';
// Event photos are uploaded in one request of up to 8 MB plus the form fields (adapter-node's default is 512 KB).
process.env.BODY_SIZE_LIMIT ??= '10M';
console.log(`[start] Leitbild on http://localhost:${process.env.PORT}`);
await import(pathToFileURL(buildEntry).href);
