import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { preparedFor } from '../db/prepared';
import { contactPoints, districts, municipalities, regions } from './tenancy.schema';

export type ContactPoint = typeof contactPoints.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type District = typeof districts.$inferSelect;
export type Region = typeof regions.$inferSelect;

export async function selectMunicipalitiesWithRegion(db: Executor) {
	return db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			description: municipalities.description,
			isDemo: municipalities.isDemo,
			regionName: regions.name,
			regionSlug: regions.slug
		})
		.from(municipalities)
		.leftJoin(regions, eq(regions.id, municipalities.regionId))
		.orderBy(asc(municipalities.name))
		.limit(500);
}

// Every public page of a municipality starts with this query, so it is prepared once per handle.
const municipalityBySlugStatement = preparedFor((db) =>
	db
		.select({ municipality: municipalities, region: regions, contactPoint: contactPoints })
		.from(municipalities)
		.leftJoin(regions, eq(regions.id, municipalities.regionId))
		.leftJoin(
			contactPoints,
			and(eq(contactPoints.id, municipalities.contactPointId), eq(contactPoints.municipalityId, municipalities.id))
		)
		.where(eq(municipalities.slug, sql.placeholder('slug')))
		.limit(1)
		.prepare('municipality_by_slug')
);

export async function selectMunicipalityBySlug(db: Executor, slug: string) {
	const [row] = await municipalityBySlugStatement(db).execute({ slug });
	return row;
}

export async function selectMunicipalityById(db: Executor, id: string) {
	const [row] = await db.select().from(municipalities).where(eq(municipalities.id, id)).limit(1);
	return row;
}

export async function selectContactPoint(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(contactPoints)
		.where(and(eq(contactPoints.municipalityId, municipalityId), eq(contactPoints.id, id)))
		.limit(1);
	return row;
}

export async function selectContactPoints(db: Executor, municipalityId: string) {
	return db
		.select()
		.from(contactPoints)
		.where(eq(contactPoints.municipalityId, municipalityId))
		.orderBy(asc(contactPoints.office))
		.limit(200);
}

export async function selectDistricts(db: Executor, municipalityId: string) {
	return db
		.select()
		.from(districts)
		.where(eq(districts.municipalityId, municipalityId))
		.orderBy(asc(districts.position), asc(districts.name))
		.limit(500);
}

export async function selectRegions(db: Executor) {
	return db.select().from(regions).orderBy(asc(regions.name)).limit(500);
}

export async function selectRegionBySlug(db: Executor, slug: string) {
	const [row] = await db.select().from(regions).where(eq(regions.slug, slug)).limit(1);
	return row;
}
