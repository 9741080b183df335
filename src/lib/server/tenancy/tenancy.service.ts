// Tenancy owns the municipalities (the tenants), their regions, districts and contact points.
// Every other domain scopes its rows by a municipality resolved here from the public slug.
import type { Executor } from '../db/client';
import { municipalityNotFound } from './tenancy.errors';
import {
	selectDistricts,
	selectMunicipalitiesWithRegion,
	selectMunicipalityBySlug,
	type ContactPoint
} from './tenancy.queries';

export type { ContactPoint, District, Municipality, Region } from './tenancy.queries';

export async function listMunicipalities({ db }: { db: Executor }) {
	return selectMunicipalitiesWithRegion(db);
}

export async function getMunicipalityBySlug({ db, slug }: { db: Executor; slug: string }) {
	const row = await selectMunicipalityBySlug(db, slug);
	if (!row) throw municipalityNotFound({ slug });
	return { ...row.municipality, region: row.region, contactPoint: row.contactPoint };
}

export async function listDistricts({ db, municipalityId }: { db: Executor; municipalityId: string }) {
	return selectDistricts(db, municipalityId);
}

/** A contact point is worth showing only when it says how to reach someone. */
export function isReachable(contact: ContactPoint | null | undefined): contact is ContactPoint {
	return Boolean(contact && (contact.email || contact.phone || contact.street || contact.web));
}
