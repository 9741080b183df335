// SvelteKit's Node adapter starts reading every request body as the request arrives and pauses it as soon as
// one chunk waits unread. A response that never needed the body (a 404 for a form action that does not exist
// for this visitor, a redirect to sign-in) leaves the rest of the body on the connection, paused: a keep-alive
// client's next request on that connection is then never read, and hangs until the server's headers timeout
// cuts it off (a minute). Once the answer is out, what is left of the body is read and dropped, so the
// connection serves the next request; a body beyond the size limit is not worth reading, and its connection
// is closed instead.

/** adapter-node's BODY_SIZE_LIMIT syntax: bytes, or a number with K, M or G. @param {string} value */
export function bytesOf(value) {
	const multiplier = /** @type {Record<string, number>} */ ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 })[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier === 1 ? value : value.slice(0, -1)) * multiplier;
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {number} limit the most bytes of a body read only to be dropped
 */
export function dropUnreadBodyAfterAnswer(request, response, limit) {
	response.once('finish', () => {
		if (request.complete || request.destroyed) return;
		const declared = Number(request.headers['content-length']);
		if (declared > limit) {
			request.socket.destroy();
			return;
		}
		let dropped = 0;
		// The framework's reader is done with this request; its buffered chunk goes with it.
		request.removeAllListeners('data');
		request.on('data', (chunk) => {
			dropped += chunk.length;
			if (dropped > limit) request.socket.destroy();
		});
		request.resume();
	});
}
