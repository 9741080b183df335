import { describe, expect, it } from 'vitest';
import { discloseCells, isCountUnit, type DisclosureCell, type DisclosurePolicy } from './disclosure';

const counts: DisclosurePolicy = { additiveCount: true, minCount: 5 };
const shares: DisclosurePolicy = { additiveCount: false, minCount: 5 };

function cell(seriesKey: string, value: number | null, extra: Partial<DisclosureCell> = {}): DisclosureCell {
	return { id: seriesKey || 'city', indicatorId: 'i', periodStart: '2025-01-01', periodEnd: '2025-12-31', seriesKey, value, qualifier: null, suppressed: false, ...extra };
}

function publicValues(cells: DisclosureCell[], policy = counts) {
	const disclosed = discloseCells(cells, () => policy);
	return Object.fromEntries(cells.map((c) => [c.id, disclosed.get(c.id)!.suppression ?? disclosed.get(c.id)!.value]));
}

describe('primary suppression', () => {
	it('a cell entered as suppressed is never published, whatever its stored value', () => {
		expect(publicValues([cell('', 120, { suppressed: true })])).toEqual({ city: 'flagged' });
	});

	it('counts from 1 to 4 are withheld at the default minimum of 5; 0 and 5 are published', () => {
		const cells = [cell('', 0, { id: 'zero' }), cell('', 4, { id: 'four', periodStart: '2024-01-01' }), cell('', 5, { id: 'five', periodStart: '2023-01-01' })];
		expect(publicValues(cells)).toEqual({ zero: 0, four: 'small_count', five: 5 });
	});

	it('a censored small count ("< 5") is withheld because the others would reveal it exactly', () => {
		expect(publicValues([cell('', 5, { qualifier: '<' })])).toEqual({ city: 'small_count' });
	});

	it('a share or duration is never treated as a small count, only flagged cells are withheld', () => {
		expect(publicValues([cell('district=total', 3), cell('district=a', 2), cell('district=b', 4, { suppressed: true })], shares)).toEqual({
			'district=total': 3,
			'district=a': 2,
			'district=b': 'flagged'
		});
	});

	it('the minimum is configurable: at 10, a count of 7 is withheld', () => {
		expect(publicValues([cell('', 7)], { additiveCount: true, minCount: 10 })).toEqual({ city: 'small_count' });
	});
});

describe('secondary suppression (subtraction from the total)', () => {
	it('worked example: total 100 = 40 + 33 + 24 + 3 → 3 is small, the next smallest part (24) is withheld too', () => {
		const cells = [cell('district=total', 100), cell('district=a', 40), cell('district=b', 33), cell('district=c', 24), cell('district=d', 3)];
		expect(publicValues(cells)).toEqual({ 'district=total': 100, 'district=a': 40, 'district=b': 33, 'district=c': 'secondary', 'district=d': 'small_count' });
	});

	it('when the withheld cells together are still a small count, one more part is withheld', () => {
		// 2 + 1 = 3 could be recovered as a sum; with 30 withheld as well the sum is 33.
		const cells = [cell('district=total', 93), cell('district=a', 60), cell('district=b', 30), cell('district=c', 2), cell('district=d', 1)];
		expect(publicValues(cells)).toEqual({ 'district=total': 93, 'district=a': 60, 'district=b': 'secondary', 'district=c': 'small_count', 'district=d': 'small_count' });
	});

	it('with a single part besides the withheld one, the total goes too — otherwise total − part reveals it', () => {
		const cells = [cell('sex=total', 50), cell('sex=f', 50, { suppressed: true })];
		expect(publicValues(cells)).toEqual({ 'sex=total': 'secondary', 'sex=f': 'flagged' });
	});

	it('a group without a withheld cell is published as it is', () => {
		const cells = [cell('district=total', 30), cell('district=a', 10), cell('district=b', 20)];
		expect(publicValues(cells)).toEqual({ 'district=total': 30, 'district=a': 10, 'district=b': 20 });
	});

	it('two-way table: a cell withheld for the district groups is protected in the age groups as well', () => {
		// district × age: withholding mitte/young (3) forces a second cell in its row and in its column.
		const values: Record<string, number> = {
			'age_group=total,district=total': 100,
			'age_group=total,district=mitte': 50,
			'age_group=total,district=nord': 50,
			'age_group=old,district=total': 60,
			'age_group=young,district=total': 40,
			'age_group=old,district=mitte': 47,
			'age_group=young,district=mitte': 3,
			'age_group=old,district=nord': 13,
			'age_group=young,district=nord': 37
		};
		const cells = Object.entries(values).map(([key, value]) => cell(key, value));
		const disclosed = discloseCells(cells, () => counts);
		const shown = (key: string) => disclosed.get(key)!.value;
		// Every additive group has no withheld cell or at least two.
		for (const [row, parts] of [
			['age_group=total,district=mitte', ['age_group=old,district=mitte', 'age_group=young,district=mitte']],
			['age_group=total,district=nord', ['age_group=old,district=nord', 'age_group=young,district=nord']],
			['age_group=young,district=total', ['age_group=young,district=mitte', 'age_group=young,district=nord']],
			['age_group=old,district=total', ['age_group=old,district=mitte', 'age_group=old,district=nord']]
		] as const) {
			const hidden = [row, ...parts].filter((key) => shown(key) === null).length;
			expect(hidden === 0 || hidden >= 2, row).toBe(true);
		}
		expect(shown('age_group=young,district=mitte')).toBeNull();
	});

	it('the subtraction attack on every group finds no withheld value', () => {
		const cells = [cell('district=total', 100), cell('district=a', 40), cell('district=b', 33), cell('district=c', 24), cell('district=d', 3)];
		const disclosed = discloseCells(cells, () => counts);
		const published = cells.filter((c) => disclosed.get(c.id)!.value !== null && c.seriesKey !== 'district=total');
		const hidden = cells.filter((c) => disclosed.get(c.id)!.value === null);
		const remainder = disclosed.get('district=total')!.value! - published.reduce((sum, c) => sum + c.value!, 0);
		expect(hidden.length).toBeGreaterThanOrEqual(2);
		for (const c of hidden) expect(remainder).not.toBe(c.value);
	});

	it('each period is its own table: a small count in 2024 withholds a second 2024 cell and nothing in 2025', () => {
		const cells = [
			cell('district=total', 20, { id: 't24', periodStart: '2024-01-01', periodEnd: '2024-12-31' }),
			cell('district=a', 2, { id: 'a24', periodStart: '2024-01-01', periodEnd: '2024-12-31' }),
			cell('district=b', 18, { id: 'b24', periodStart: '2024-01-01', periodEnd: '2024-12-31' }),
			cell('district=total', 20, { id: 't25' }),
			cell('district=a', 8, { id: 'a25' }),
			cell('district=b', 12, { id: 'b25' })
		];
		expect(publicValues(cells)).toEqual({ t24: 20, a24: 'small_count', b24: 'secondary', t25: 20, a25: 8, b25: 12 });
	});
});

describe('count units', () => {
	it('people, cases and organisations are counts; shares, durations and money are not', () => {
		for (const unit of ['Personen', 'Bescheide', 'Vereine', 'Beratungen', 'Besuche']) expect(isCountUnit(unit), unit).toBe(true);
		for (const unit of ['%', 'Wochen', 'Tage', 'Euro', 'Anteil', 'je 1.000 Einwohner', '']) expect(isCountUnit(unit), unit).toBe(false);
	});
});
