// Admin writes of the tenancy domain: municipality settings, its contact point, districts, new municipalities.
// Each checks the actor first and records the change in the same transaction.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { administeredMunicipalityIds, requireMunicipalityAdmin, requirePlatformAdmin, type Actor } from '../people/actor';
import { notSignedIn } from '../shared/errors';
import { slugify } from '../shared/slug';
import type { ContactPointInput, MunicipalitySettingsInput, NewMunicipalityInput } from '$lib/validation/tenancy';
import { districtNotFound, districtSlugTaken, municipalityNotFound, municipalitySlugTaken } from './tenancy.errors';
import {
	selectContactPoint,
	selectDistricts,
	selectMunicipalitiesWithRegion,
	selectMunicipalityById,
	selectMunicipalityBySlug
} from './tenancy.queries';
import { contactPoints, districts, municipalities, regions } from './tenancy.schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function findOrCreateRegion(tx: Tx, name: string): Promise<string | null> {
	if (!name) return null;
	const slug = slugify(name);
	const [existing] = await tx.select().from(regions).where(eq(regions.slug, slug)).limit(1);
	if (existing) return existing.id;
	const [created] = await tx.insert(regions).values({ slug, name }).returning({ id: regions.id });
	return created.id;
}

/** The municipality an admin works on, with everything its settings form shows. */
export async function getMunicipalityForAdmin({ db, actor, slug }: { db: Database; actor: Actor | null; slug: string }) {
	const row = await selectMunicipalityBySlug(db, slug);
	if (!row) throw municipalityNotFound({ slug });
	requireMunicipalityAdmin(actor, row.municipality.id);
	return { ...row.municipality, region: row.region, contactPoint: row.contactPoint };
}

async function saveContactPoint(
	tx: Tx,
	municipalityId: string,
	contactPointId: string | null,
	input: ContactPointInput
): Promise<{ id: string; before: unknown }> {
	if (contactPointId) {
		const before = await selectContactPoint(tx, municipalityId, contactPointId);
		if (before) {
			await tx
				.update(contactPoints)
				.set({ ...input, updatedAt: new Date() })
				.where(and(eq(contactPoints.id, contactPointId), eq(contactPoints.municipalityId, municipalityId)));
			return { id: contactPointId, before };
		}
	}
	const [created] = await tx
		.insert(contactPoints)
		.values({ ...input, municipalityId })
		.returning({ id: contactPoints.id });
	return { id: created.id, before: null };
}

export async function updateMunicipalitySettings({
	db,
	actor,
	municipalityId,
	input
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	input: MunicipalitySettingsInput;
}) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const before = await selectMunicipalityById(tx, municipalityId);
		if (!before) throw municipalityNotFound();
		const regionId = await findOrCreateRegion(tx, input.region);
		const contact = await saveContactPoint(tx, municipalityId, before.contactPointId, input.contact);
		const [after] = await tx
			.update(municipalities)
			.set({
				name: input.name,
				regionId,
				timeZone: input.timeZone,
				description: input.description,
				contactPointId: contact.id,
				updatedAt: new Date()
			})
			.where(eq(municipalities.id, municipalityId))
			.returning();
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'update',
			entityType: 'municipality',
			entityId: municipalityId,
			before: { ...before, contactPoint: contact.before },
			after: { ...after, contactPoint: input.contact }
		});
	});
}

export async function createMunicipality({ db, actor, input }: { db: Database; actor: Actor | null; input: NewMunicipalityInput }) {
	const platformAdmin = requirePlatformAdmin(actor);
	return db.transaction(async (tx) => {
		if (await selectMunicipalityBySlug(tx, input.slug)) throw municipalitySlugTaken({ slug: input.slug });
		const regionId = await findOrCreateRegion(tx, input.region);
		const [created] = await tx
			.insert(municipalities)
			.values({ slug: input.slug, name: input.name, regionId, timeZone: input.timeZone, description: input.description })
			.returning();
		const contact = await saveContactPoint(tx, created.id, null, input.contact);
		await tx.update(municipalities).set({ contactPointId: contact.id }).where(eq(municipalities.id, created.id));
		await recordChange(tx, {
			actor: platformAdmin,
			municipalityId: created.id,
			action: 'create',
			entityType: 'municipality',
			entityId: created.id,
			after: { ...created, contactPoint: input.contact }
		});
		return created;
	});
}

export async function listDistrictsForAdmin({ db, actor, municipalityId }: { db: Database; actor: Actor | null; municipalityId: string }) {
	requireMunicipalityAdmin(actor, municipalityId);
	return selectDistricts(db, municipalityId);
}

export async function addDistrict({
	db,
	actor,
	municipalityId,
	name
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	name: string;
}) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	const slug = slugify(name);
	return db.transaction(async (tx) => {
		const existing = await selectDistricts(tx, municipalityId);
		if (existing.some((district) => district.slug === slug)) throw districtSlugTaken({ name });
		const [created] = await tx
			.insert(districts)
			.values({ municipalityId, name, slug, position: existing.length })
			.returning();
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'district', entityId: created.id, after: created });
		return created;
	});
}

export async function renameDistrict({
	db,
	actor,
	municipalityId,
	districtId,
	name
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	districtId: string;
	name: string;
}) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const all = await selectDistricts(tx, municipalityId);
		const before = all.find((district) => district.id === districtId);
		if (!before) throw districtNotFound();
		// The slug stays: it is part of public addresses once monitoring pages link to districts.
		const [after] = await tx
			.update(districts)
			.set({ name, updatedAt: new Date() })
			.where(and(eq(districts.id, districtId), eq(districts.municipalityId, municipalityId)))
			.returning();
		await recordChange(tx, { actor: admin, municipalityId, action: 'update', entityType: 'district', entityId: districtId, before, after });
	});
}

export async function removeDistrict({
	db,
	actor,
	municipalityId,
	districtId
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	districtId: string;
}) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const [before] = await tx
			.delete(districts)
			.where(and(eq(districts.id, districtId), eq(districts.municipalityId, municipalityId)))
			.returning();
		if (!before) throw districtNotFound();
		await recordChange(tx, { actor: admin, municipalityId, action: 'delete', entityType: 'district', entityId: districtId, before });
	});
}

/** Platform administrators see every municipality, everyone else those they administer. */
export async function listAdministeredMunicipalities({ db, actor }: { db: Database; actor: Actor | null }) {
	if (!actor) throw notSignedIn();
	const all = await selectMunicipalitiesWithRegion(db);
	if (actor.isPlatformAdmin) return all;
	const allowed = administeredMunicipalityIds(actor);
	return all.filter((municipality) => allowed.has(municipality.id));
}
