import { describe, expect, it } from 'vitest';
import { CHART_SERIES_CAP, chooseSeries, describeSeries, type BreakdownLabel } from './chart-series';

const districts = ['nord', 'ost', 'sued', 'west', 'mitte', 'hafen'];
const ages = ['u18', '18-29', '30-49', '50-64', '65plus'];
const labels: BreakdownLabel[] = [
	{ dimensionKey: 'district', dimensionPosition: 0, memberKey: 'total', memberLabel: 'Gesamt', memberPosition: 0, districtSlug: null },
	...districts.map((key, index) => ({ dimensionKey: 'district', dimensionPosition: 0, memberKey: key, memberLabel: key.toUpperCase(), memberPosition: index + 1, districtSlug: key })),
	{ dimensionKey: 'age_group', dimensionPosition: 1, memberKey: 'total', memberLabel: 'Alle', memberPosition: 0, districtSlug: null },
	...ages.map((key, index) => ({ dimensionKey: 'age_group', dimensionPosition: 1, memberKey: key, memberLabel: `Alter ${key}`, memberPosition: index + 1, districtSlug: null }))
];
// Six districts × five age groups with their totals: 7 × 6 = 42 series, keys sorted as the database returns them.
const keys = ['total', ...ages]
	.flatMap((age) => ['total', ...districts].map((district) => `age_group=${age},district=${district}`))
	.sort();
const overall = 'age_group=total,district=total';

describe('an indicator with many breakdown combinations shows a bounded choice of series', () => {
	const options = describeSeries(keys, labels);

	it('the overall value comes first, then single breakdowns in the order the municipality gave, then combinations', () => {
		expect(options).toHaveLength(42);
		expect(options[0]).toMatchObject({ key: overall, parts: [], detailLevel: 0 });
		expect(options.slice(1, 7).map((option) => option.parts[0])).toEqual(districts.map((d) => d.toUpperCase()));
		expect(options[7]).toMatchObject({ key: 'age_group=u18,district=total', parts: ['Alter u18'], detailLevel: 1, districtSlug: null });
		expect(options[12]).toMatchObject({ key: 'age_group=u18,district=nord', parts: ['NORD', 'Alter u18'], detailLevel: 2, districtSlug: null });
		expect(options[1].districtSlug).toBe('nord');
	});

	it('without a choice the chart shows as many series as the cap allows, the overall value first', () => {
		const choice = chooseSeries(options, []);
		expect(choice.shownKeys).toHaveLength(CHART_SERIES_CAP);
		expect(choice.shownKeys[0]).toBe(overall);
		expect(choice.overallKey).toBe(overall);
	});

	it('the chosen series are shown with the overall value first, however the address orders them', () => {
		const choice = chooseSeries(options, ['age_group=65plus,district=hafen', 'age_group=u18,district=total']);
		expect(choice.shownKeys).toEqual([overall, 'age_group=u18,district=total', 'age_group=65plus,district=hafen']);
	});

	it('asking for all 42 series shows eight, never more', () => {
		const choice = chooseSeries(options, keys);
		expect(CHART_SERIES_CAP).toBe(8);
		expect(choice.shownKeys).toHaveLength(8);
		expect(choice.shownKeys[0]).toBe(overall);
	});

	it('series the indicator does not have are ignored; the overall value alone remains', () => {
		expect(chooseSeries(options, ['district=atlantis', 'age_group=total,district=atlantis']).shownKeys).toEqual([overall]);
	});

	it('an indicator without breakdowns has one series, shown', () => {
		const single = describeSeries([''], []);
		expect(chooseSeries(single, []).shownKeys).toEqual(['']);
		expect(single[0]).toMatchObject({ parts: [], detailLevel: 0 });
	});
});
