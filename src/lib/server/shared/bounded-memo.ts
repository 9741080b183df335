/**
 * Results of expensive reads by key, at most `limit` of them: the oldest is dropped for a new one. A failed
 * read is forgotten at once, so that the next caller tries again and errors cannot fill the memory.
 */
export class BoundedMemo<T> {
	private results = new Map<string, Promise<T>>();
	constructor(private readonly limit: number) {}

	get(key: string, load: () => Promise<T>): Promise<T> {
		let result = this.results.get(key);
		if (!result) {
			if (this.results.size >= this.limit) {
				// Oldest first: Map keeps insertion order.
				const oldest = this.results.keys().next().value;
				if (oldest !== undefined) this.results.delete(oldest);
			}
			result = load();
			this.results.set(key, result);
			result.catch(() => {
				if (this.results.get(key) === result) this.results.delete(key);
			});
		}
		return result;
	}

	delete(key: string): void {
		this.results.delete(key);
	}

	clear(): void {
		this.results.clear();
	}

	get size(): number {
		return this.results.size;
	}
}
