import { randomUUID } from 'node:crypto';

// A proxy's request id is kept so that its log and ours can be joined; anything else is replaced.
const acceptableRequestId = /^[A-Za-z0-9._-]{8,100}$/;

export function requestIdOf(header: string | null): string {
	return header && acceptableRequestId.test(header) ? header : randomUUID();
}
