import * as m from '$lib/paraglide/messages';

type MessageFunction = (params?: Record<string, unknown>) => string;
// Every message, in the request's language. Server-only: a lookup into the whole catalogue keeps all of it in a
// bundle, which the browser should not download ($lib/message-lookup holds the few labels pages look up).
const catalogue = m as unknown as Record<string, MessageFunction | undefined>;

/** Error codes are message keys; an unknown code falls back to the generic message rather than leaking the code. */
export function translate(code: string, params: Record<string, unknown> = {}): string {
	const message = catalogue[code];
	return message ? message(params) : m.error_unexpected();
}
