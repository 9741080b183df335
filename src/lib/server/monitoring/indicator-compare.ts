// An indicator's value per district against the city total, for one period: pure arithmetic on the
// measurements the indicator page already reads, so the comparison costs no query of its own.

type Measurement = { measuredOn: string; value: number; districtId: string | null; districtName: string | null };

export type DistrictComparison = {
	measuredOn: string;
	/** The city total of the same period, or null when only district values were published for it. */
	city: number | null;
	districts: { districtId: string; name: string; value: number; difference: number | null }[];
};

/**
 * The newest period with district values, each district against the city value of that period
 * (difference = district − city). Null when the indicator has no district values.
 */
export function compareDistricts(measurements: readonly Measurement[]): DistrictComparison | null {
	let measuredOn: string | null = null;
	for (const row of measurements) if (row.districtId && (!measuredOn || row.measuredOn > measuredOn)) measuredOn = row.measuredOn;
	if (!measuredOn) return null;
	const sameDate = measurements.filter((row) => row.measuredOn === measuredOn);
	const city = sameDate.find((row) => !row.districtId)?.value ?? null;
	const districts = sameDate
		.filter((row): row is Measurement & { districtId: string; districtName: string } => Boolean(row.districtId && row.districtName))
		.map((row) => ({ districtId: row.districtId, name: row.districtName, value: row.value, difference: city === null ? null : row.value - city }));
	return { measuredOn, city, districts };
}
