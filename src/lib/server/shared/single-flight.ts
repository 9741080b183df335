/**
 * Work that many requests ask for at the same moment, done once for all of them: a call while the same key
 * is running gets that run's result. Nothing is kept after it settles, so the next call runs again and sees
 * every change; unlike a cache, it only bounds how many copies of one piece of work run at once.
 */
export class SingleFlight<T> {
	private running = new Map<string, Promise<T>>();

	run(key: string, work: () => Promise<T>): Promise<T> {
		const pending = this.running.get(key);
		if (pending) return pending;
		const started = work().finally(() => this.running.delete(key));
		this.running.set(key, started);
		return started;
	}

	get size(): number {
		return this.running.size;
	}
}
