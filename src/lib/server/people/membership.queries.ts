import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { municipalities } from '../tenancy/tenancy.schema';
import { organisationMemberships, organisations, people } from './organisation.schema';
import { authUsers } from './people.schema';

/** Municipalities in the order people look for them; there are few on one install. */
export async function selectMunicipalityChoices(db: Executor) {
	return db.select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.name)).limit(200);
}

export async function selectOrganisationChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.municipalityId, municipalityId))
		.orderBy(asc(sql`lower(${organisations.name})`))
		.limit(1000);
}

export async function selectOrganisationInMunicipality(db: Executor, municipalityId: string, organisationId: string) {
	const [row] = await db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), eq(organisations.id, organisationId)))
		.limit(1);
	return row;
}

/** The account's memberships in every municipality, through the person rows linked to it. */
export async function selectMembershipsOfUser(db: Executor, userId: string) {
	return db
		.select({
			id: organisationMemberships.id,
			role: organisationMemberships.role,
			createdAt: organisationMemberships.createdAt,
			organisationName: organisations.name,
			municipalityName: municipalities.name,
			municipalitySlug: municipalities.slug
		})
		.from(organisationMemberships)
		.innerJoin(people, eq(people.id, organisationMemberships.personId))
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.innerJoin(municipalities, eq(municipalities.id, organisationMemberships.municipalityId))
		.where(eq(people.userId, userId))
		.orderBy(asc(municipalities.name), asc(sql`lower(${organisations.name})`))
		.limit(500);
}

export async function selectPeopleOfUser(db: Executor, userId: string) {
	return db
		.select({ id: people.id, name: people.name, email: people.email, municipalityName: municipalities.name, createdAt: people.createdAt })
		.from(people)
		.innerJoin(municipalities, eq(municipalities.id, people.municipalityId))
		.where(eq(people.userId, userId))
		.limit(200);
}

/**
 * The person row for an account in a municipality: the one linked to it, or else one the registry
 * already keeps under the account's (verified) address and that no other account claimed.
 */
export async function selectPersonForUser(tx: Executor, municipalityId: string, userId: string, email: string) {
	const rows = await tx
		.select({ id: people.id, userId: people.userId })
		.from(people)
		.where(
			and(
				eq(people.municipalityId, municipalityId),
				or(eq(people.userId, userId), and(isNull(people.userId), sql`lower(${people.email}) = ${email.toLowerCase()}`))
			)
		)
		.for('update')
		.limit(2);
	return rows.find((row) => row.userId === userId) ?? rows[0];
}

export async function linkPersonToUser(tx: Executor, personId: string, userId: string) {
	await tx.update(people).set({ userId, updatedAt: new Date() }).where(eq(people.id, personId));
}

export async function insertPerson(tx: Executor, values: { municipalityId: string; name: string; email: string; userId: string }) {
	const [row] = await tx.insert(people).values(values).returning({ id: people.id });
	return row;
}

export async function insertMembership(tx: Executor, values: { municipalityId: string; organisationId: string; personId: string }) {
	const [row] = await tx.insert(organisationMemberships).values({ ...values, role: 'member' }).onConflictDoNothing().returning();
	return row;
}

/** Only a membership of a person linked to this account; returns what was removed. */
export async function deleteMembershipOfUser(tx: Executor, userId: string, membershipId: string) {
	const own = tx.select({ id: people.id }).from(people).where(eq(people.userId, userId));
	const [row] = await tx
		.delete(organisationMemberships)
		.where(and(eq(organisationMemberships.id, membershipId), inArray(organisationMemberships.personId, own)))
		.returning();
	return row;
}

/** On account deletion: the registry forgets the person rows linked to the account (their memberships go with them). */
export async function deletePeopleOfUser(tx: Executor, userId: string) {
	await tx.delete(people).where(eq(people.userId, userId));
}

export async function selectAccountEmail(db: Executor, userId: string) {
	const [row] = await db.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, userId)).limit(1);
	return row?.email;
}
