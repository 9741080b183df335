// District boundaries drawn as SVG on the server, so the monitor needs no tile server and sends
// no visitor to another host. Coordinates are GeoJSON [longitude, latitude] in WGS 84.

type Position = [number, number];
type Ring = Position[];
type PolygonCoordinates = Ring[];

export type DistrictGeometry = { type: 'Polygon'; coordinates: PolygonCoordinates } | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

export type MapDistrict = { slug: string; name: string; shape: unknown };

export type DrawnDistrict = { slug: string; name: string; path: string; labelX: number; labelY: number };

export type DistrictMapModel = { width: number; height: number; viewBox: string; districts: DrawnDistrict[] };

const isPosition = (value: unknown): value is Position =>
	Array.isArray(value) &&
	value.length >= 2 &&
	typeof value[0] === 'number' &&
	typeof value[1] === 'number' &&
	Number.isFinite(value[0]) &&
	Number.isFinite(value[1]) &&
	Math.abs(value[0]) <= 180 &&
	Math.abs(value[1]) <= 90;

const isRing = (value: unknown): value is Ring => Array.isArray(value) && value.length >= 4 && value.every(isPosition);

const isPolygon = (value: unknown): value is PolygonCoordinates => Array.isArray(value) && value.length >= 1 && value.every(isRing);

/**
 * Accepts a bare geometry or a Feature wrapping one, as GIS exports write either. Anything else —
 * points, lines, broken coordinates — is treated as "no shape", so one bad row cannot break the map.
 */
export function readDistrictShape(shape: unknown): PolygonCoordinates[] | null {
	if (!shape || typeof shape !== 'object') return null;
	const object = shape as { type?: unknown; geometry?: unknown; coordinates?: unknown };
	if (object.type === 'Feature') return readDistrictShape(object.geometry);
	if (object.type === 'Polygon' && isPolygon(object.coordinates)) return [object.coordinates];
	if (object.type === 'MultiPolygon' && Array.isArray(object.coordinates) && object.coordinates.length > 0 && object.coordinates.every(isPolygon)) {
		return object.coordinates;
	}
	return null;
}

/**
 * Equirectangular projection scaled by the cosine of the middle latitude: at the size of a town the
 * distortion is far below a pixel, and the arithmetic stays readable and testable.
 */
export function drawDistrictMap(districts: MapDistrict[], { width = 600, padding = 8, tolerance = 0.75 } = {}): DistrictMapModel | null {
	const shaped = districts.map((district) => ({ district, polygons: readDistrictShape(district.shape) })).filter((entry) => entry.polygons !== null);
	if (shaped.length === 0) return null;

	let minLon = Infinity;
	let maxLon = -Infinity;
	let minLat = Infinity;
	let maxLat = -Infinity;
	for (const { polygons } of shaped) {
		for (const polygon of polygons!) {
			for (const [lon, lat] of polygon[0]) {
				minLon = Math.min(minLon, lon);
				maxLon = Math.max(maxLon, lon);
				minLat = Math.min(minLat, lat);
				maxLat = Math.max(maxLat, lat);
			}
		}
	}
	const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const spanX = Math.max((maxLon - minLon) * cos, 1e-9);
	const spanY = Math.max(maxLat - minLat, 1e-9);
	const inner = width - 2 * padding;
	const scale = inner / spanX;
	const height = round(spanY * scale + 2 * padding);
	const project = ([lon, lat]: Position): Position => [round((lon - minLon) * cos * scale + padding), round((maxLat - lat) * scale + padding)];

	const drawn = shaped.map(({ district, polygons }) => {
		const parts: string[] = [];
		let labelArea = -1;
		let label: Position = [0, 0];
		for (const polygon of polygons!) {
			polygon.forEach((ring, index) => {
				const points = simplify(ring.map(project), tolerance);
				if (points.length < 3) return;
				parts.push(`M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`);
				// The label sits at the centre of the largest outer ring, which for a district made of
				// a town and outlying villages is the town.
				if (index === 0) {
					const { area, centre } = ringCentre(points);
					if (area > labelArea) {
						labelArea = area;
						label = centre;
					}
				}
			});
		}
		return { slug: district.slug, name: district.name, path: parts.join(''), labelX: label[0], labelY: label[1] };
	});
	return { width, height, viewBox: `0 0 ${width} ${height}`, districts: drawn.filter((d) => d.path !== '') };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Drops points closer than the tolerance to the last kept one; closing duplicates go too. */
function simplify(points: Position[], tolerance: number): Position[] {
	const kept: Position[] = [];
	for (const point of points) {
		const last = kept.at(-1);
		if (last && Math.hypot(point[0] - last[0], point[1] - last[1]) < tolerance) continue;
		kept.push(point);
	}
	const first = kept[0];
	const last = kept.at(-1);
	if (kept.length > 1 && first && last && Math.hypot(first[0] - last[0], first[1] - last[1]) < tolerance) kept.pop();
	return kept;
}

function ringCentre(points: Position[]): { area: number; centre: Position } {
	let twiceArea = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0; i < points.length; i++) {
		const [x0, y0] = points[i];
		const [x1, y1] = points[(i + 1) % points.length];
		const cross = x0 * y1 - x1 * y0;
		twiceArea += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	if (Math.abs(twiceArea) < 1e-9) {
		const sum = points.reduce(([sx, sy], [x, y]) => [sx + x, sy + y], [0, 0]);
		return { area: 0, centre: [round(sum[0] / points.length), round(sum[1] / points.length)] };
	}
	return { area: Math.abs(twiceArea / 2), centre: [round(cx / (3 * twiceArea)), round(cy / (3 * twiceArea))] };
}

export type ShadeBand = { level: number; min: number; max: number };

/**
 * Shading by the number of measures placed in a district, in at most four bands of equal width;
 * band 0 is "none". The legend names the same ranges in words.
 */
export function shadeBands(counts: number[]): ShadeBand[] {
	const highest = Math.max(0, ...counts);
	if (highest === 0) return [{ level: 0, min: 0, max: 0 }];
	const steps = Math.min(4, highest);
	const width = highest / steps;
	const bands: ShadeBand[] = [{ level: 0, min: 0, max: 0 }];
	let min = 1;
	for (let level = 1; level <= steps; level++) {
		const max = level === steps ? highest : Math.max(min, Math.floor(width * level));
		if (max < min) continue;
		bands.push({ level, min, max });
		min = max + 1;
	}
	return bands;
}

export const bandOf = (bands: ShadeBand[], count: number) => bands.find((band) => count >= band.min && count <= band.max)?.level ?? 0;

type PlacedMeasure = { tracking: { cityWide: boolean }; districts: { slug: string }[] };

/** The map of a monitor: city-wide measures count for no district, so the shading shows local work. */
export function districtMapOf(districts: MapDistrict[], measures: PlacedMeasure[]) {
	const counts: Record<string, number> = Object.fromEntries(districts.map((d) => [d.slug, 0]));
	for (const measure of measures) {
		if (measure.tracking.cityWide) continue;
		for (const district of measure.districts) if (district.slug in counts) counts[district.slug] += 1;
	}
	const bands = shadeBands(Object.values(counts));
	const levels = Object.fromEntries(Object.entries(counts).map(([slug, count]) => [slug, bandOf(bands, count)]));
	return { map: drawDistrictMap(districts), counts, levels, bands };
}
