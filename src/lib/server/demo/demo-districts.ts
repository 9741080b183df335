// Demo district boundaries: invented polygons drawn around Münster's and Greven's centres so the
// district map has something plausible to show. They follow no real boundary. The venue positions
// of two demo events give their pages a map that loads only after consent.
import type { Database } from '../db/client';
import { selectMunicipalityBySlug, updateDistrictShape } from '../tenancy/tenancy.queries';
import { updateEvent } from '../participation/event.queries';
import { demoEventIds } from './demo-event-ids';

type Ring = [number, number][];
const polygon = (ring: Ring) => ({ type: 'Polygon', coordinates: [ring] });

const shapes: Record<string, Record<string, unknown>> = {
	muenster: {
		mitte: polygon([[7.6, 51.948], [7.628, 51.942], [7.655, 51.95], [7.662, 51.965], [7.645, 51.978], [7.615, 51.976], [7.598, 51.963], [7.6, 51.948]]),
		nord: polygon([[7.56, 51.985], [7.598, 51.963], [7.615, 51.976], [7.645, 51.978], [7.662, 51.965], [7.7, 51.975], [7.715, 52.01], [7.67, 52.04], [7.61, 52.045], [7.565, 52.02], [7.56, 51.985]]),
		ost: polygon([[7.662, 51.965], [7.655, 51.95], [7.67, 51.925], [7.745, 51.93], [7.75, 51.96], [7.7, 51.975], [7.662, 51.965]]),
		west: polygon([[7.5, 51.94], [7.56, 51.92], [7.6, 51.93], [7.6, 51.948], [7.598, 51.963], [7.56, 51.985], [7.51, 51.975], [7.5, 51.94]]),
		'sued-ost': polygon([[7.628, 51.942], [7.64, 51.915], [7.62, 51.89], [7.69, 51.88], [7.745, 51.9], [7.745, 51.93], [7.67, 51.925], [7.655, 51.95], [7.628, 51.942]]),
		// Two parts: the town and a detached village further south.
		hiltrup: {
			type: 'MultiPolygon',
			coordinates: [
				[[[7.56, 51.92], [7.575, 51.88], [7.62, 51.89], [7.64, 51.915], [7.628, 51.942], [7.6, 51.948], [7.6, 51.93], [7.56, 51.92]]],
				[[[7.585, 51.858], [7.61, 51.856], [7.612, 51.871], [7.588, 51.873], [7.585, 51.858]]]
			]
		}
	},
	greven: {
		innenstadt: polygon([[7.59, 52.08], [7.63, 52.078], [7.64, 52.1], [7.61, 52.115], [7.585, 52.1], [7.59, 52.08]]),
		reckenfeld: polygon([[7.64, 52.1], [7.7, 52.11], [7.72, 52.14], [7.66, 52.15], [7.61, 52.115], [7.64, 52.1]]),
		gimbte: polygon([[7.56, 52.05], [7.63, 52.045], [7.63, 52.078], [7.59, 52.08], [7.56, 52.07], [7.56, 52.05]])
	}
};

export async function loadDemoDistricts(db: Database) {
	for (const [municipalitySlug, districtShapes] of Object.entries(shapes)) {
		const municipality = await selectMunicipalityBySlug(db, municipalitySlug);
		if (!municipality) continue;
		for (const [slug, shape] of Object.entries(districtShapes)) await updateDistrictShape(db, municipality.municipality.id, slug, shape);
	}
}

/** Map positions of the two fixed demo events, so their pages show the consent-gated venue map. */
const venuePositions = { muenster: { latitude: 51.96194, longitude: 7.62828 }, greven: { latitude: 52.09168, longitude: 7.60915 } } as const;

export async function loadDemoVenuePositions(db: Database) {
	for (const [municipalitySlug, position] of Object.entries(venuePositions) as [keyof typeof venuePositions, (typeof venuePositions)[keyof typeof venuePositions]][]) {
		const municipality = await selectMunicipalityBySlug(db, municipalitySlug);
		if (municipality) await updateEvent(db, municipality.municipality.id, demoEventIds[municipalitySlug], position);
	}
}
