// An audit entry stores whole records before and after; a reader wants to know which fields changed.

export type FieldChange = { field: string; before: string | null; after: string | null };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// The entry carries its own time; a record's own timestamp of the change only repeats it.
const repeatedByTheEntry = new Set(['updatedAt', 'updated_at']);

const shown = (value: unknown): string | null => {
	if (value === null || value === undefined || value === '') return null;
	return typeof value === 'string' ? value : JSON.stringify(value);
};

/**
 * The top-level fields whose values differ between before and after, in the order the record lists them;
 * a record created or deleted shows all of its fields. Null when either side is not a record (a list, a
 * number), which the page then shows as it was stored.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] | null {
	if ((before !== null && !isRecord(before)) || (after !== null && !isRecord(after))) return null;
	const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
	const changes: FieldChange[] = [];
	for (const field of fields) {
		if (repeatedByTheEntry.has(field)) continue;
		const old = shown(before?.[field]);
		const now = shown(after?.[field]);
		if (old !== now) changes.push({ field, before: old, after: now });
	}
	return changes;
}
