// The organisation registry: organisations of a municipality, the people in them and their roles.
// Facilitators and admins keep it; the public sees only organisations that agreed to be listed.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { slugify } from '../shared/slug';
import { backOfficeRoles, requireRole, type Actor } from './actor';
import type { MemberInput, OrganisationFilter, OrganisationInput } from '../../validation/organisation';
import { districtNotInMunicipality, organisationNameTaken, organisationNotFound, personEmailTaken } from './organisation.errors';
import {
	countOrganisations,
	countOrganisationsBySector,
	deleteMembership,
	deleteOrganisationRow,
	insertMemberships,
	insertOrganisations,
	insertPeople,
	selectDistrictsOf,
	selectMembersOfOrganisation,
	selectOrganisationBySlug,
	selectOrganisations,
	selectSlugsLike,
	selectPeopleByEmail,
	updateOrganisationRow,
	type OrganisationValues
} from './organisation.queries';
import { organisationSectors, type OrganisationSector } from './organisation.schema';

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

export const ORGANISATIONS_PAGE_SIZE = 25;
const reservedSlugs = ['new', 'import'];

const isUniqueViolation = (error: unknown, constraint: string) => {
	const cause = (error as { cause?: { code?: string; constraint?: string } })?.cause ?? (error as { code?: string; constraint?: string });
	return cause?.code === '23505' && cause.constraint === constraint;
};

async function paginate(
	db: Executor,
	municipalityId: string,
	filter: { q?: string; sector?: OrganisationSector; listedOnly?: boolean; page: number }
) {
	const total = await countOrganisations(db, municipalityId, filter);
	const pageCount = Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE));
	const page = Math.min(filter.page, pageCount);
	const organisations = await selectOrganisations(db, municipalityId, {
		...filter,
		limit: ORGANISATIONS_PAGE_SIZE,
		offset: (page - 1) * ORGANISATIONS_PAGE_SIZE
	});
	return { organisations, total, page, pageCount };
}

/** The back-office list: every organisation, searched by name and filtered by sector, page by page. */
export async function listOrganisationsForStaff({ db, actor, municipalityId, filter }: Scope & { filter: OrganisationFilter }) {
	requireRole(actor, municipalityId, backOfficeRoles);
	return paginate(db, municipalityId, { q: filter.q, sector: filter.sector, page: filter.page });
}

/** The public list: only organisations that consented, with how many there are in each sector. */
export async function listPublicOrganisations({
	db,
	municipalityId,
	filter
}: {
	db: Executor;
	municipalityId: string;
	filter: OrganisationFilter;
}) {
	const counts = await countOrganisationsBySector(db, municipalityId, true);
	const bySector = new Map(counts.map((row) => [row.sector, row.total]));
	const sectors = organisationSectors.map((sector) => ({ sector, total: bySector.get(sector) ?? 0 }));
	const page = await paginate(db, municipalityId, { q: filter.q, sector: filter.sector, listedOnly: true, page: filter.page });
	// Consent dates and contact details stay in the back office.
	const organisations = page.organisations.map(({ id, slug, name, sector, districtName, web, description }) => ({
		id,
		slug,
		name,
		sector,
		districtName,
		web,
		description
	}));
	return { ...page, organisations, sectors };
}

export async function listDistrictsForOrganisations({ db, actor, municipalityId }: Scope) {
	requireRole(actor, municipalityId, backOfficeRoles);
	return selectDistrictsOf(db, municipalityId);
}

export async function getOrganisationForStaff({ db, actor, municipalityId, slug }: Scope & { slug: string }) {
	requireRole(actor, municipalityId, backOfficeRoles);
	const organisation = await findOrganisation(db, municipalityId, slug);
	const members = await selectMembersOfOrganisation(db, municipalityId, organisation.id);
	return { organisation, members };
}

/** One slug per name, unique in the municipality: a taken "kulturverein" becomes "kulturverein--2". */
export async function uniqueSlugs(tx: Executor, municipalityId: string, names: string[]): Promise<string[]> {
	const bases = names.map((name) => slugify(name) || 'organisation');
	// "new" and "import" are pages beside the organisations in the back office.
	const taken = new Set([...reservedSlugs, ...(await selectSlugsLike(tx, municipalityId, [...new Set(bases)]))]);
	return bases.map((base) => {
		let slug = base;
		for (let suffix = 2; taken.has(slug); suffix++) slug = `${base}--${suffix}`;
		taken.add(slug);
		return slug;
	});
}

async function findOrganisation(tx: Executor, municipalityId: string, slug: string) {
	const organisation = await selectOrganisationBySlug(tx, municipalityId, slug);
	if (!organisation) throw organisationNotFound();
	return organisation;
}

async function valuesOf(
	tx: Executor,
	municipalityId: string,
	input: OrganisationInput,
	listedBefore: Date | null
): Promise<Omit<OrganisationValues, 'slug'>> {
	if (input.districtId) {
		const known = await selectDistrictsOf(tx, municipalityId);
		if (!known.some((district) => district.id === input.districtId)) throw districtNotInMunicipality();
	}
	return {
		name: input.name,
		sector: input.sector,
		districtId: input.districtId,
		contactPerson: input.contactPerson,
		email: input.email,
		phone: input.phone,
		web: input.web,
		description: input.description,
		// The consent date is when it was first given, not when the form was last saved.
		listedPubliclySince: input.listedPublicly ? (listedBefore ?? new Date()) : null
	};
}

export async function createOrganisation({ db, actor, municipalityId, input }: Scope & { input: OrganisationInput }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	try {
		return await db.transaction(async (tx) => {
			const [slug] = await uniqueSlugs(tx, municipalityId, [input.name]);
			const values = { slug, ...(await valuesOf(tx, municipalityId, input, null)) };
			const [created] = await insertOrganisations(tx, municipalityId, [values]);
			await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'organisation', entityId: created.id, after: values });
			return created;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'organisations_municipality_name_idx')) throw organisationNameTaken();
		throw error;
	}
}

export async function updateOrganisation({
	db,
	actor,
	municipalityId,
	slug,
	input
}: Scope & { slug: string; input: OrganisationInput }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	try {
		await db.transaction(async (tx) => {
			const before = await findOrganisation(tx, municipalityId, slug);
			const values = await valuesOf(tx, municipalityId, input, before.listedPubliclySince);
			await updateOrganisationRow(tx, municipalityId, before.id, values);
			await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'organisation', entityId: before.id, before, after: values });
		});
	} catch (error) {
		if (isUniqueViolation(error, 'organisations_municipality_name_idx')) throw organisationNameTaken();
		throw error;
	}
}

export async function deleteOrganisation({ db, actor, municipalityId, slug }: Scope & { slug: string }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	await db.transaction(async (tx) => {
		const organisation = await findOrganisation(tx, municipalityId, slug);
		const before = await deleteOrganisationRow(tx, municipalityId, organisation.id);
		if (!before) throw organisationNotFound();
		await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'organisation', entityId: organisation.id, before });
	});
}

/** Adds a person to an organisation; a person with the same e-mail in this municipality is reused. */
export async function addMember({
	db,
	actor,
	municipalityId,
	slug,
	input
}: Scope & { slug: string; input: MemberInput }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	try {
		await db.transaction(async (tx) => {
			const { id: organisationId } = await findOrganisation(tx, municipalityId, slug);
			const [existing] = input.email ? await selectPeopleByEmail(tx, municipalityId, [input.email]) : [];
			const person = existing ?? (await insertPeople(tx, municipalityId, [{ name: input.name, email: input.email }]))[0];
			const [membership] = await insertMemberships(tx, municipalityId, [{ organisationId, personId: person.id, role: input.role }]);
			await recordChange(tx, {
				actor: staff,
				municipalityId,
				action: 'create',
				entityType: 'organisation_membership',
				entityId: membership.id,
				after: { organisationId, personId: person.id, name: input.name, role: input.role }
			});
		});
	} catch (error) {
		if (isUniqueViolation(error, 'people_municipality_email_idx')) throw personEmailTaken();
		throw error;
	}
}

export async function removeMember({
	db,
	actor,
	municipalityId,
	slug,
	membershipId
}: Scope & { slug: string; membershipId: string }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	await db.transaction(async (tx) => {
		const organisation = await findOrganisation(tx, municipalityId, slug);
		const before = await deleteMembership(tx, municipalityId, organisation.id, membershipId);
		if (!before) throw organisationNotFound();
		await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'organisation_membership', entityId: membershipId, before });
	});
}
