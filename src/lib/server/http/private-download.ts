/**
 * A CSV file for staff holding people's names: offered as a download, and kept neither by a shared cache nor
 * by the browser.
 */
export function privateCsvDownload(body: BodyInit, fileName: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}
