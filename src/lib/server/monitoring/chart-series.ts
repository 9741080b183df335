// Which series of an indicator its chart draws. An indicator broken down by six districts and five age
// groups has 42 series; a chart of all of them is unreadable and heavy, so the page shows at most
// CHART_SERIES_CAP, the overall value always first, and lets the reader choose the others.

/** Eight: the chart palette's distinct colours, and room for a city of six or seven districts plus its total without choosing. */
export const CHART_SERIES_CAP = 8;
/** How many distinct series an indicator page lists for choosing; breakdowns beyond that stay in the CSV. */
export const MAX_LISTED_SERIES = 300;

export type BreakdownLabel = { dimensionKey: string; dimensionPosition: number; memberKey: string; memberLabel: string; memberPosition: number; districtSlug: string | null };

export type ChartSeriesOption = {
	key: string;
	/** Member labels of the non-total members, in breakdown order; empty for the overall value. */
	parts: string[];
	/** How many members are not the total: 0 is the overall value. */
	detailLevel: number;
	/** The district of a series broken down by district alone, for the district comparison. */
	districtSlug: string | null;
};

export type SeriesChoice = { options: ChartSeriesOption[]; shownKeys: string[]; cap: number; overallKey: string | null };

type Pair = { dimensionKey: string; memberKey: string };

function pairsOf(seriesKey: string): Pair[] {
	if (seriesKey === '') return [];
	return seriesKey.split(',').map((pair) => {
		const [dimensionKey, memberKey] = pair.split('=');
		return { dimensionKey, memberKey };
	});
}

/**
 * The series as readers see them, ordered overall value first, then by how detailed they are, then
 * by the position of their dimensions and members (the order the municipality gave them).
 */
export function describeSeries(seriesKeys: readonly string[], labels: readonly BreakdownLabel[]): ChartSeriesOption[] {
	const labelOf = new Map(labels.map((label) => [`${label.dimensionKey}=${label.memberKey}`, label]));
	const described = seriesKeys.map((key) => {
		const detailed = pairsOf(key)
			.filter((pair) => pair.memberKey !== 'total')
			.map((pair) => ({ pair, label: labelOf.get(`${pair.dimensionKey}=${pair.memberKey}`) }))
			.sort((a, b) => (a.label?.dimensionPosition ?? 0) - (b.label?.dimensionPosition ?? 0) || a.pair.dimensionKey.localeCompare(b.pair.dimensionKey));
		const sortKey = detailed.flatMap((item) => [item.label?.dimensionPosition ?? 0, item.label?.memberPosition ?? 0]);
		const onlyDistrict = detailed.length === 1 && detailed[0].pair.dimensionKey === 'district' ? (detailed[0].label?.districtSlug ?? null) : null;
		return {
			option: { key, parts: detailed.map((item) => item.label?.memberLabel ?? item.pair.memberKey), detailLevel: detailed.length, districtSlug: onlyDistrict },
			sortKey
		};
	});
	described.sort((a, b) => {
		if (a.option.detailLevel !== b.option.detailLevel) return a.option.detailLevel - b.option.detailLevel;
		for (let i = 0; i < Math.min(a.sortKey.length, b.sortKey.length); i++) if (a.sortKey[i] !== b.sortKey[i]) return a.sortKey[i] - b.sortKey[i];
		return a.option.key.localeCompare(b.option.key);
	});
	return described.map((item) => item.option);
}

/**
 * The series the chart draws: the overall value always, then the requested ones in list order, never
 * more than `cap` however many the address asks for. Without a request: the first `cap` series.
 * Requested keys the indicator does not have are ignored.
 */
export function chooseSeries(options: readonly ChartSeriesOption[], requested: readonly string[], cap = CHART_SERIES_CAP): SeriesChoice {
	const overallKey = options.find((option) => option.detailLevel === 0)?.key ?? null;
	const wanted = new Set(requested);
	const picked =
		wanted.size === 0
			? options.slice(0, cap)
			: options.filter((option) => option.key === overallKey || wanted.has(option.key)).slice(0, cap);
	return { options: [...options], shownKeys: picked.map((option) => option.key), cap, overallKey };
}
