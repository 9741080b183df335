// Admin writes of the tenancy domain: municipality settings, its contact point, districts, new municipalities.
// Each checks the actor first and records the change in the same transaction.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import {
	administeredMunicipalityIds,
	backOfficeSectionRoles,
	mayWorkInBackOffice,
	requireMunicipalityAdmin,
	requirePlatformAdmin,
	type Actor
} from '../people/actor';
import { forbidden, notSignedIn } from '../shared/errors';
import { slugify } from '../shared/slug';
import type { ContactPointInput, MunicipalitySettingsInput, NewMunicipalityInput } from '$lib/validation/tenancy';
import { districtNotFound, districtSlugTaken, municipalityNotFound, municipalitySlugTaken } from './tenancy.errors';
import {
	deleteDistrict,
	insertContactPoint,
	insertDistrict,
	insertMunicipality,
	selectContactPoint,
	selectDistricts,
	selectMunicipalitiesWithRegion,
	selectMunicipalityById,
	selectMunicipalityBySlug,
	selectOrInsertRegion,
	updateContactPoint,
	updateDistrictName,
	updateMunicipality
} from './tenancy.queries';

async function findOrCreateRegion(tx: Executor, name: string): Promise<string | null> {
	return name ? selectOrInsertRegion(tx, slugify(name), name) : null;
}

/**
 * The municipality for the back office's frame: admins and facilitators enter; each page below checks
 * its own role again, so a facilitator sees only the pages meant for facilitators.
 */
/**
 * The municipality as the back office shows it to staff: admins see every section, facilitators and
 * moderators only the sections open to their role (organisations, moderation, …).
 */
export async function getMunicipalityForBackOffice({
	db,
	actor,
	slug,
	section
}: {
	db: Database;
	actor: Actor | null;
	slug: string;
	section: string | undefined;
}) {
	const row = await selectMunicipalityBySlug(db, slug);
	if (!row) throw municipalityNotFound({ slug });
	if (!actor) throw notSignedIn();
	if (!mayWorkInBackOffice(actor, slug, section)) throw forbidden();
	return {
		municipality: { ...row.municipality, region: row.region, contactPoint: row.contactPoint },
		isAdmin: mayWorkInBackOffice(actor, slug, undefined),
		sections: Object.keys(backOfficeSectionRoles).filter((name) => mayWorkInBackOffice(actor, slug, name))
	};
}

/** The municipality an admin works on, with everything its settings form shows. */
export async function getMunicipalityForAdmin({ db, actor, slug }: { db: Database; actor: Actor | null; slug: string }) {
	const row = await selectMunicipalityBySlug(db, slug);
	if (!row) throw municipalityNotFound({ slug });
	requireMunicipalityAdmin(actor, row.municipality.id);
	return { ...row.municipality, region: row.region, contactPoint: row.contactPoint };
}

async function saveContactPoint(
	tx: Executor,
	municipalityId: string,
	contactPointId: string | null,
	input: ContactPointInput
): Promise<{ id: string; before: unknown }> {
	if (contactPointId) {
		const before = await selectContactPoint(tx, municipalityId, contactPointId);
		if (before) {
			await updateContactPoint(tx, municipalityId, contactPointId, input);
			return { id: contactPointId, before };
		}
	}
	return { id: await insertContactPoint(tx, { ...input, municipalityId }), before: null };
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
		const after = await updateMunicipality(tx, municipalityId, {
			name: input.name,
			regionId,
			timeZone: input.timeZone,
			firstWeekday: input.firstWeekday,
			description: input.description,
			contactPointId: contact.id
		});
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
		const created = await insertMunicipality(tx, {
			slug: input.slug,
			name: input.name,
			regionId,
			timeZone: input.timeZone,
			firstWeekday: input.firstWeekday,
			description: input.description
		});
		const contact = await saveContactPoint(tx, created.id, null, input.contact);
		await updateMunicipality(tx, created.id, { contactPointId: contact.id });
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
		const created = await insertDistrict(tx, { municipalityId, name, slug, position: existing.length });
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
		const after = await updateDistrictName(tx, municipalityId, districtId, name);
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
		const before = await deleteDistrict(tx, municipalityId, districtId);
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
