// sharp loads libvips when it is imported (135 ms on this machine). The server needs it only for the first
// image it handles, so it is loaded then rather than on every start.
import { onFirstUse } from '../shared/first-use';

export const loadSharp = onFirstUse(() => import('sharp').then((module) => module.default));
