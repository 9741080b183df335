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

export async function selectOrInsertRegion(db: Executor, slug: string, name: string): Promise<string> {
	const [existing] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, slug)).limit(1);
	if (existing) return existing.id;
	const [created] = await db.insert(regions).values({ slug, name }).returning({ id: regions.id });
	return created.id;
}

export async function updateContactPoint(
	db: Executor,
	municipalityId: string,
	id: string,
	values: Partial<typeof contactPoints.$inferInsert>
) {
	await db
		.update(contactPoints)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(contactPoints.id, id), eq(contactPoints.municipalityId, municipalityId)));
}

export async function insertContactPoint(db: Executor, values: typeof contactPoints.$inferInsert) {
	const [created] = await db.insert(contactPoints).values(values).returning({ id: contactPoints.id });
	return created.id;
}

export async function updateMunicipality(db: Executor, id: string, values: Partial<typeof municipalities.$inferInsert>) {
	const [updated] = await db
		.update(municipalities)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(municipalities.id, id))
		.returning();
	return updated;
}

export async function insertMunicipality(db: Executor, values: typeof municipalities.$inferInsert) {
	const [created] = await db.insert(municipalities).values(values).returning();
	return created;
}

export async function insertDistrict(db: Executor, values: typeof districts.$inferInsert) {
	const [created] = await db.insert(districts).values(values).returning();
	return created;
}

export async function updateDistrictName(db: Executor, municipalityId: string, id: string, name: string) {
	const [updated] = await db
		.update(districts)
		.set({ name, updatedAt: new Date() })
		.where(and(eq(districts.id, id), eq(districts.municipalityId, municipalityId)))
		.returning();
	return updated;
}

export async function deleteDistrict(db: Executor, municipalityId: string, id: string) {
	const [deleted] = await db
		.delete(districts)
		.where(and(eq(districts.id, id), eq(districts.municipalityId, municipalityId)))
		.returning();
	return deleted;
}

export async function updateDistrictShape(db: Executor, municipalityId: string, slug: string, shape: unknown) {
	return db
		.update(districts)
		.set({ shape, updatedAt: new Date() })
		.where(and(eq(districts.municipalityId, municipalityId), eq(districts.slug, slug)));
}
