// `npm start`, first step: build when the production build is missing or older than the sources.
// The second step (see package.json) is `node scripts/serve.js`, run by plain Node without a loader.
import { ensureBuild } from './ensure-build';

ensureBuild('start');
console.log(`[start] Leitbild on http://localhost:${process.env.PORT ?? 3000}`);
