export type CsvValue = string | number | boolean | undefined | null;

/** RFC 4180 CSV with a header row; fields that could start a spreadsheet formula are quoted with a leading apostrophe. */
export function toCsv(columns: string[], rows: Record<string, string | number | boolean>[]): string {
	const lines = [columns.join(',')];
	for (const row of rows) lines.push(csvLine(columns.map((column) => row[column])));
	return lines.join('\r\n') + '\r\n';
}

/** One record, ended by CRLF, with the given delimiter (a comma, or a semicolon for spreadsheets set to a decimal comma). */
export function csvRecord(values: CsvValue[], delimiter: ',' | ';'): string {
	return csvLine(values, delimiter) + '\r\n';
}

function csvLine(values: CsvValue[], delimiter: ',' | ';' = ','): string {
	return values.map((value) => csvField(value, delimiter)).join(delimiter);
}

function csvField(value: CsvValue, delimiter: ',' | ';'): string {
	if (value === undefined || value === null) return '';
	if (typeof value !== 'string') return String(value);
	// A cell starting with = + - @ is run as a formula by spreadsheet programs: keep it text.
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	const needsQuotes = text.includes('"') || text.includes('\r') || text.includes('\n') || text.includes(delimiter) || text !== value;
	return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
