// Facilitators type times as they read them on the town hall clock; the database keeps instants.
// These two functions convert between a wall-clock "YYYY-MM-DDTHH:mm" in a time zone and a UTC Date.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

// What the en-US formatter above writes: "MM/DD/YYYY, HH:mm:ss".
const FORMATTED = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

function wallClockParts(instant: Date, timeZone: string) {
	const formatter = formatterFor(timeZone);
	// format() and a pattern take a third of formatToParts' time, and a month grid converts two instants per event;
	// anything the pattern does not expect (a year before 1000, another ICU's punctuation) takes the parts.
	const formatted = FORMATTED.exec(formatter.format(instant));
	if (formatted) {
		const [, month, day, year, hour, minute, second] = formatted;
		return { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
	}
	const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second)
	};
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
	const p = wallClockParts(instant, timeZone);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isWallClockTime(value: string): boolean {
	const match = LOCAL_PATTERN.exec(value);
	if (!match) return false;
	const [, y, mo, d, h, mi] = match.map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60;
}

/**
 * The instant a wall-clock time names in a zone. In the autumn hour that happens twice the earlier
 * instant wins; a time in the spring gap, which no clock shows, is read with the offset before the gap.
 */
export function wallClockToUtc(local: string, timeZone: string): Date {
	const match = LOCAL_PATTERN.exec(local);
	if (!match || !isWallClockTime(local)) throw new RangeError(`Not a wall-clock time: ${local}`);
	const [, y, mo, d, h, mi] = match.map(Number);
	const naive = Date.UTC(y, mo - 1, d, h, mi);
	const before = offsetAt(new Date(naive - 12 * 3600_000), timeZone);
	const after = offsetAt(new Date(naive + 12 * 3600_000), timeZone);
	// Try the earlier offset first (larger offset = earlier instant) so the repeated autumn hour resolves to its first pass.
	for (const offset of [Math.max(before, after), Math.min(before, after)]) {
		const candidate = new Date(naive - offset);
		if (offsetAt(candidate, timeZone) === offset) return candidate;
	}
	return new Date(naive - before);
}

/** The wall-clock time ("YYYY-MM-DDTHH:mm") an instant shows in a zone, as a datetime-local field expects it. */
export function utcToWallClock(instant: Date, timeZone: string): string {
	const p = wallClockParts(instant, timeZone);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
