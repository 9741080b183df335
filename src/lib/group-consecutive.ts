/** Neighbouring items that share a key, as groups in their order (a list already sorted by that key). */
export function groupConsecutive<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
	const groups: { key: string; items: T[] }[] = [];
	for (const item of items) {
		const key = keyOf(item);
		const last = groups.at(-1);
		if (last?.key === key) last.items.push(item);
		else groups.push({ key, items: [item] });
	}
	return groups;
}
