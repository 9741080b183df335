// Positions of the demo offices, so that the municipality, edition and event pages show an office
// map behind the consent placeholder. The addresses are invented; the points lie near each town's centre.
import type { Database } from '../db/client';
import { selectMunicipalityBySlug, updateContactPoint } from '../tenancy/tenancy.queries';

const officePositions = {
	muenster: { latitude: 51.96166, longitude: 7.62653 },
	greven: { latitude: 52.09162, longitude: 7.61287 }
} as const;

export async function loadDemoOfficePositions(db: Database) {
	for (const [slug, position] of Object.entries(officePositions)) {
		const found = await selectMunicipalityBySlug(db, slug);
		if (found?.contactPoint) await updateContactPoint(db, found.municipality.id, found.contactPoint.id, position);
	}
}
