import { getRuntime } from '../runtime';
import { SingleFlight } from '../shared/single-flight';
import { ICAL_CONTENT_TYPE } from './ical';

// Calendar programs, and a crowd on the evening of an announcement, ask for the same feed at once. A town's feed
// of 2,000 events takes 100 ms and several megabytes to write: 50 written side by side (the bench at 200,000
// events) answered 2 a second. Requests for one feed while it is being written wait for that one, and all of
// them send the same bytes, encoded once.
const feedBuilds = new SingleFlight<Uint8Array<ArrayBuffer>>();
const utf8 = new TextEncoder();

/**
 * `key` names everything the feed depends on besides the data: whose events, the language and the origin. The
 * public cache's generation joins it, so that a request after a change never waits for a build begun before it.
 */
export const buildFeedOnce = (key: string, build: () => Promise<string>) =>
	feedBuilds.run(`${getRuntime().publicPages.generation}:${key}`, async () => utf8.encode(await build()));

/** An iCalendar answer: the type calendar programs expect and a file name for a download. */
export function icalResponse(body: string | Uint8Array<ArrayBuffer>, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': ICAL_CONTENT_TYPE,
			'content-disposition': `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, '-')}"`,
			// Subscribers poll; a few minutes of staleness spares the database without hiding a change for long.
			'cache-control': 'public, max-age=300'
		}
	});
}
