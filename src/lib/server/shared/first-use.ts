/**
 * A promise made on the first call and handed to every later one: for a module or an object the server
 * loads when it first needs it rather than at start. A failed load stays failed (a missing module does not
 * appear later).
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () => (loading ??= load());
}
