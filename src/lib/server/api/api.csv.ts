/** RFC 4180 CSV with a header row; fields that could start a spreadsheet formula are quoted with a leading apostrophe. */
export function toCsv(columns: string[], rows: Record<string, string | number | boolean>[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(columns.map((column) => csvField(row[column])).join(','));
	return lines.join('\r\n') + '\r\n';
}

function csvField(value: string | number | boolean | undefined): string {
	if (value === undefined) return '';
	if (typeof value !== 'string') return String(value);
	// A cell starting with = + - @ is run as a formula by spreadsheet programs: keep it text.
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}
