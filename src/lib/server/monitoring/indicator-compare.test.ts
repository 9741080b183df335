import { describe, expect, it } from 'vitest';
import { compareDistricts } from './indicator-compare';

const city = (measuredOn: string, value: number) => ({ measuredOn, value, districtId: null, districtName: null });
const district = (measuredOn: string, value: number, name: string) => ({ measuredOn, value, districtId: name.toLowerCase(), districtName: name });

describe('districts against the city total', () => {
	it('compares the newest period with district values, each district against the city value of that period', () => {
		const comparison = compareDistricts([
			city('2024-12-31', 40),
			district('2024-12-31', 30, 'Mitte'),
			city('2025-12-31', 42),
			district('2025-12-31', 50, 'Mitte'),
			district('2025-12-31', 35.5, 'Hiltrup'),
			city('2026-06-30', 44)
		]);
		expect(comparison).toEqual({
			measuredOn: '2025-12-31',
			city: 42,
			districts: [
				{ districtId: 'mitte', name: 'Mitte', value: 50, difference: 8 },
				{ districtId: 'hiltrup', name: 'Hiltrup', value: 35.5, difference: -6.5 }
			]
		});
	});

	it('without a city value for that period the districts stand alone', () => {
		expect(compareDistricts([city('2024-12-31', 40), district('2025-12-31', 30, 'Mitte')])).toMatchObject({ city: null, districts: [{ difference: null }] });
	});

	it('an indicator without district values has nothing to compare', () => {
		expect(compareDistricts([city('2024-12-31', 40)])).toBeNull();
	});
});
