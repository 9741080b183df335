// HTTP of the public measurement exchange: the CSV streamed as it is read, the data package as JSON.
// Both are public and open to other origins, like the open-data API they belong with.

const headers = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=60' };

/** Streams chunks as they come, so a large export never sits in memory as one string. */
export function csvDownload(chunks: AsyncGenerator<string>, fileName: string): Response {
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next();
			if (next.done) controller.close();
			else controller.enqueue(encoder.encode(next.value));
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
	return new Response(body, {
		headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` }
	});
}

export function dataPackageResponse(descriptor: unknown): Response {
	return new Response(JSON.stringify(descriptor, null, 2), {
		headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }
	});
}
