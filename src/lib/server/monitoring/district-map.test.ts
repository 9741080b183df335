import { describe, expect, it } from 'vitest';
import { bandOf, drawDistrictMap, readDistrictShape, shadeBands } from './district-map';

const square = (lon: number, lat: number, size: number) => [
	[lon, lat],
	[lon + size, lat],
	[lon + size, lat + size],
	[lon, lat + size],
	[lon, lat]
];

const numbersOf = (path: string) => path.match(/-?\d+(\.\d+)?/g)!.map(Number);

describe('reading district shapes', () => {
	it('accepts a polygon, a multipolygon and a feature wrapping either', () => {
		expect(readDistrictShape({ type: 'Polygon', coordinates: [square(7.6, 51.9, 0.01)] })).toHaveLength(1);
		expect(readDistrictShape({ type: 'MultiPolygon', coordinates: [[square(7.6, 51.9, 0.01)], [square(7.7, 51.9, 0.01)]] })).toHaveLength(2);
		expect(readDistrictShape({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [square(7.6, 51.9, 0.01)] } })).toHaveLength(1);
	});

	it('treats points, open rings and coordinates outside the globe as no shape', () => {
		expect(readDistrictShape({ type: 'Point', coordinates: [7.6, 51.9] })).toBeNull();
		expect(readDistrictShape({ type: 'Polygon', coordinates: [[[7.6, 51.9], [7.7, 51.9]]] })).toBeNull();
		expect(readDistrictShape({ type: 'Polygon', coordinates: [square(200, 51.9, 0.01)] })).toBeNull();
		expect(readDistrictShape(null)).toBeNull();
		expect(readDistrictShape('Polygon')).toBeNull();
	});
});

describe('drawing the district map', () => {
	it('fits all districts into the view box with the padding around them', () => {
		const map = drawDistrictMap(
			[
				{ slug: 'west', name: 'West', shape: { type: 'Polygon', coordinates: [square(7.60, 51.95, 0.02)] } },
				{ slug: 'ost', name: 'Ost', shape: { type: 'Polygon', coordinates: [square(7.62, 51.95, 0.02)] } }
			],
			{ width: 400, padding: 10 }
		)!;
		expect(map.viewBox).toBe(`0 0 400 ${map.height}`);
		const all = map.districts.flatMap((d) => numbersOf(d.path));
		const xs = all.filter((_, i) => i % 2 === 0);
		const ys = all.filter((_, i) => i % 2 === 1);
		expect(Math.min(...xs)).toBe(10);
		expect(Math.max(...xs)).toBe(390);
		expect(Math.min(...ys)).toBe(10);
		expect(Math.max(...ys)).toBeCloseTo(map.height - 10, 5);
	});

	it('shrinks east–west distances by the cosine of the latitude, so a square in degrees is taller than wide', () => {
		const map = drawDistrictMap([{ slug: 'a', name: 'A', shape: { type: 'Polygon', coordinates: [square(7.6, 51.96, 0.02)] } }], { width: 100, padding: 0 })!;
		// At 52° N a degree of longitude is about 0.616 of a degree of latitude.
		expect(map.height).toBeGreaterThan(160);
		expect(map.height).toBeLessThan(164);
	});

	it('puts north at the top', () => {
		const map = drawDistrictMap(
			[
				{ slug: 'nord', name: 'Nord', shape: { type: 'Polygon', coordinates: [square(7.6, 51.99, 0.01)] } },
				{ slug: 'sued', name: 'Süd', shape: { type: 'Polygon', coordinates: [square(7.6, 51.9, 0.01)] } }
			],
			{ width: 100 }
		)!;
		const [nord, sued] = map.districts;
		expect(nord.labelY).toBeLessThan(sued.labelY);
	});

	it('draws each part of a multipolygon as its own closed subpath, labelled at the largest part', () => {
		const map = drawDistrictMap([
			{ slug: 'a', name: 'A', shape: { type: 'MultiPolygon', coordinates: [[square(7.6, 51.9, 0.001)], [square(7.7, 51.9, 0.05)]] } }
		])!;
		const path = map.districts[0].path;
		expect(path.match(/M/g)).toHaveLength(2);
		expect(path.match(/Z/g)).toHaveLength(2);
		expect(map.districts[0].labelX).toBeGreaterThan(map.width / 2);
	});

	it('keeps holes as subpaths, so the even-odd fill leaves them empty', () => {
		const hole = square(7.61, 51.91, 0.01).reverse();
		const map = drawDistrictMap([{ slug: 'a', name: 'A', shape: { type: 'Polygon', coordinates: [square(7.6, 51.9, 0.03), hole] } }])!;
		expect(map.districts[0].path.match(/M/g)).toHaveLength(2);
	});

	it('rounds coordinates to a tenth and drops points closer together than the tolerance', () => {
		const dense = [[7.6, 51.9], ...Array.from({ length: 500 }, (_, i) => [7.6 + (i + 1) * 0.00002, 51.9]), [7.62, 51.92], [7.6, 51.92], [7.6, 51.9]];
		const map = drawDistrictMap([{ slug: 'a', name: 'A', shape: { type: 'Polygon', coordinates: [dense] } }], { width: 200 })!;
		const numbers = numbersOf(map.districts[0].path);
		expect(numbers.every((n) => Math.round(n * 10) === n * 10)).toBe(true);
		expect(numbers.length / 2).toBeLessThan(300);
	});

	it('leaves out districts without a usable shape and returns nothing when none has one', () => {
		const map = drawDistrictMap([
			{ slug: 'a', name: 'A', shape: { type: 'Polygon', coordinates: [square(7.6, 51.9, 0.01)] } },
			{ slug: 'b', name: 'B', shape: null }
		])!;
		expect(map.districts.map((d) => d.slug)).toEqual(['a']);
		expect(drawDistrictMap([{ slug: 'b', name: 'B', shape: null }])).toBeNull();
	});
});

describe('shading districts by their measures', () => {
	it('gives districts without measures the lightest band and splits the rest into at most four', () => {
		const bands = shadeBands([0, 3, 8, 12]);
		expect(bands[0]).toEqual({ level: 0, min: 0, max: 0 });
		expect(bands).toHaveLength(5);
		expect(bands.at(-1)!.max).toBe(12);
		expect(bandOf(bands, 0)).toBe(0);
		expect(bandOf(bands, 12)).toBe(4);
		expect(bandOf(bands, 1)).toBe(1);
	});

	it('uses fewer bands when the counts are small, with no band left empty of numbers', () => {
		const bands = shadeBands([0, 1, 2]);
		expect(bands.map((b) => [b.min, b.max])).toEqual([[0, 0], [1, 1], [2, 2]]);
		expect(shadeBands([0, 0])).toEqual([{ level: 0, min: 0, max: 0 }]);
	});
});
