import { and, asc, count, eq, ilike, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { districts } from '../tenancy/tenancy.schema';
import {
	organisationMemberships,
	organisations,
	people,
	type OrganisationRole,
	type OrganisationSector
} from './organisation.schema';

export type OrganisationValues = {
	slug: string;
	name: string;
	sector: OrganisationSector;
	districtId: string | null;
	contactPerson: string;
	email: string;
	phone: string;
	web: string;
	description: string;
	listedPubliclySince: Date | null;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

function organisationFilter(municipalityId: string, filter: { q?: string; sector?: OrganisationSector; listedOnly?: boolean }) {
	return and(
		eq(organisations.municipalityId, municipalityId),
		filter.q ? ilike(organisations.name, `%${escapeLike(filter.q)}%`) : undefined,
		filter.sector ? eq(organisations.sector, filter.sector) : undefined,
		filter.listedOnly ? isNotNull(organisations.listedPubliclySince) : undefined
	);
}

export async function selectOrganisations(
	db: Executor,
	municipalityId: string,
	filter: { q?: string; sector?: OrganisationSector; listedOnly?: boolean; limit: number; offset: number }
) {
	return db
		.select({
			id: organisations.id,
			slug: organisations.slug,
			name: organisations.name,
			sector: organisations.sector,
			districtName: districts.name,
			web: organisations.web,
			description: organisations.description,
			listedPubliclySince: organisations.listedPubliclySince
		})
		.from(organisations)
		.leftJoin(districts, eq(districts.id, organisations.districtId))
		.where(organisationFilter(municipalityId, filter))
		.orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
		.limit(filter.limit)
		.offset(filter.offset);
}

export async function countOrganisations(
	db: Executor,
	municipalityId: string,
	filter: { q?: string; sector?: OrganisationSector; listedOnly?: boolean }
) {
	const [row] = await db.select({ total: count() }).from(organisations).where(organisationFilter(municipalityId, filter));
	return row?.total ?? 0;
}

export async function countOrganisationsBySector(db: Executor, municipalityId: string, listedOnly: boolean) {
	return db
		.select({ sector: organisations.sector, total: count() })
		.from(organisations)
		.where(organisationFilter(municipalityId, { listedOnly }))
		.groupBy(organisations.sector);
}

export async function selectOrganisationBySlug(db: Executor, municipalityId: string, slug: string) {
	const [row] = await db
		.select()
		.from(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.slug, slug)))
		.limit(1);
	return row;
}

/** Slugs already taken that start like the given ones, so new ones can be made unique in one query. */
export async function selectSlugsLike(db: Executor, municipalityId: string, bases: string[]) {
	if (bases.length === 0) return [];
	const rows = await db
		.select({ slug: organisations.slug })
		.from(organisations)
		.where(
			and(
				eq(organisations.municipalityId, municipalityId),
				sql`split_part(${organisations.slug}, '--', 1) in ${bases}`
			)
		);
	return rows.map((row) => row.slug);
}

export async function selectOrganisationIdsByName(db: Executor, municipalityId: string, names: string[]) {
	if (names.length === 0) return [];
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.municipalityId, municipalityId),
				inArray(
					sql`lower(${organisations.name})`,
					names.map((name) => name.toLowerCase())
				)
			)
		);
}

export async function insertOrganisations(db: Executor, municipalityId: string, rows: OrganisationValues[]) {
	if (rows.length === 0) return [];
	return db
		.insert(organisations)
		.values(rows.map((row) => ({ ...row, municipalityId })))
		.returning({ id: organisations.id, slug: organisations.slug, name: organisations.name });
}

export async function updateOrganisationRow(
	db: Executor,
	municipalityId: string,
	organisationId: string,
	values: Omit<OrganisationValues, 'slug'>
) {
	const [row] = await db
		.update(organisations)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.id, organisationId)))
		.returning();
	return row;
}

export async function deleteOrganisationRow(db: Executor, municipalityId: string, organisationId: string) {
	const [row] = await db
		.delete(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.id, organisationId)))
		.returning();
	return row;
}

export async function selectMembersOfOrganisation(db: Executor, municipalityId: string, organisationId: string) {
	return db
		.select({
			membershipId: organisationMemberships.id,
			role: organisationMemberships.role,
			personId: people.id,
			name: people.name,
			email: people.email
		})
		.from(organisationMemberships)
		.innerJoin(people, eq(people.id, organisationMemberships.personId))
		.where(and(eq(organisationMemberships.municipalityId, municipalityId), eq(organisationMemberships.organisationId, organisationId)))
		.orderBy(asc(people.name))
		.limit(500);
}

export async function selectPeopleByEmail(db: Executor, municipalityId: string, emails: string[]) {
	if (emails.length === 0) return [];
	return db
		.select({ id: people.id, email: people.email })
		.from(people)
		.where(and(eq(people.municipalityId, municipalityId), inArray(people.email, emails)));
}

export async function insertPeople(db: Executor, municipalityId: string, rows: { name: string; email: string | null }[]) {
	if (rows.length === 0) return [];
	return db
		.insert(people)
		.values(rows.map((row) => ({ ...row, municipalityId })))
		.returning({ id: people.id, email: people.email });
}

export async function insertMemberships(
	db: Executor,
	municipalityId: string,
	rows: { organisationId: string; personId: string; role: OrganisationRole }[]
) {
	if (rows.length === 0) return [];
	return db
		.insert(organisationMemberships)
		.values(rows.map((row) => ({ ...row, municipalityId })))
		.onConflictDoUpdate({
			target: [organisationMemberships.organisationId, organisationMemberships.personId],
			set: { role: sql`excluded.role` }
		})
		.returning({ id: organisationMemberships.id });
}

export async function deleteMembership(db: Executor, municipalityId: string, organisationId: string, membershipId: string) {
	const [row] = await db
		.delete(organisationMemberships)
		.where(
			and(
				eq(organisationMemberships.municipalityId, municipalityId),
				eq(organisationMemberships.organisationId, organisationId),
				eq(organisationMemberships.id, membershipId)
			)
		)
		.returning();
	return row;
}

export async function selectDistrictsOf(db: Executor, municipalityId: string) {
	return db
		.select({ id: districts.id, name: districts.name })
		.from(districts)
		.where(eq(districts.municipalityId, municipalityId))
		.orderBy(asc(districts.position), asc(districts.name))
		.limit(500);
}
