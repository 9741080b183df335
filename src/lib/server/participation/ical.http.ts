import { ICAL_CONTENT_TYPE } from './ical';

/** An iCalendar answer: the type calendar programs expect and a file name for a download. */
export function icalResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': ICAL_CONTENT_TYPE,
			'content-disposition': `attachment; filename="${filename.replace(/[^a-z0-9._-]/gi, '-')}"`,
			// Subscribers poll; a few minutes of staleness spares the database without hiding a change for long.
			'cache-control': 'public, max-age=300'
		}
	});
}
