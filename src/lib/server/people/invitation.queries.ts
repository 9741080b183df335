import { and, asc, count, desc, eq, ilike, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { districts, municipalities } from '../tenancy/tenancy.schema';
import { editionInvitations, type InvitationStatus } from './invitation.schema';
import { organisations, type OrganisationSector } from './organisation.schema';

export type Invitation = typeof editionInvitations.$inferSelect;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (character) => `\\${character}`);

export async function selectEditionByPath(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({ id: editions.id, number: editions.number, strategySlug: strategies.slug, strategyTitle: strategies.title })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(and(eq(editions.municipalityId, municipalityId), eq(strategies.slug, strategySlug), eq(editions.number, number)))
		.limit(1);
	return row;
}

type CandidateFilter = { q?: string; sector?: OrganisationSector; districtId?: string };

function candidateFilter(municipalityId: string, editionId: string, filter: CandidateFilter) {
	return and(
		eq(organisations.municipalityId, municipalityId),
		filter.q ? ilike(organisations.name, `%${escapeLike(filter.q)}%`) : undefined,
		filter.sector ? eq(organisations.sector, filter.sector) : undefined,
		filter.districtId ? eq(organisations.districtId, filter.districtId) : undefined,
		notExists(
			sql`(select 1 from ${editionInvitations} where ${editionInvitations.editionId} = ${editionId} and ${editionInvitations.organisationId} = ${organisations.id})`
		)
	);
}

/** Organisations of the registry not yet invited to the edition. */
export async function selectInvitationCandidates(
	db: Executor,
	municipalityId: string,
	editionId: string,
	filter: CandidateFilter & { limit: number; offset: number }
) {
	return db
		.select({
			id: organisations.id,
			name: organisations.name,
			sector: organisations.sector,
			districtName: districts.name,
			email: organisations.email
		})
		.from(organisations)
		.leftJoin(districts, eq(districts.id, organisations.districtId))
		.where(candidateFilter(municipalityId, editionId, filter))
		.orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
		.limit(filter.limit)
		.offset(filter.offset);
}

export async function countInvitationCandidates(db: Executor, municipalityId: string, editionId: string, filter: CandidateFilter) {
	const [row] = await db.select({ total: count() }).from(organisations).where(candidateFilter(municipalityId, editionId, filter));
	return row?.total ?? 0;
}

export async function selectInvitationsOfEdition(
	db: Executor,
	municipalityId: string,
	editionId: string,
	{ limit, offset }: { limit: number; offset: number }
) {
	return db
		.select({
			id: editionInvitations.id,
			status: editionInvitations.status,
			invitedAt: editionInvitations.invitedAt,
			lastSentAt: editionInvitations.lastSentAt,
			respondedAt: editionInvitations.respondedAt,
			responseMessage: editionInvitations.responseMessage,
			organisationName: organisations.name,
			organisationSlug: organisations.slug,
			organisationEmail: organisations.email,
			sector: organisations.sector
		})
		.from(editionInvitations)
		.innerJoin(organisations, eq(organisations.id, editionInvitations.organisationId))
		.where(and(eq(editionInvitations.municipalityId, municipalityId), eq(editionInvitations.editionId, editionId)))
		// The latest round first, so staff see what they just sent; by name within a round.
		.orderBy(desc(editionInvitations.invitedAt), asc(sql`lower(${organisations.name})`), asc(editionInvitations.id))
		.limit(limit)
		.offset(offset);
}

export async function countInvitationsByStatus(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ status: editionInvitations.status, total: count() })
		.from(editionInvitations)
		.where(and(eq(editionInvitations.municipalityId, municipalityId), eq(editionInvitations.editionId, editionId)))
		.groupBy(editionInvitations.status);
}

/** Per edition of the municipality that has invitations: how many were invited and how many accepted. */
export async function countInvitationsPerEdition(db: Executor, municipalityId: string) {
	return db
		.select({
			editionNumber: editions.number,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title,
			invited: count(),
			accepted: sql<number>`count(*) filter (where ${editionInvitations.status} = 'accepted')`.mapWith(Number)
		})
		.from(editionInvitations)
		.innerJoin(editions, eq(editions.id, editionInvitations.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(eq(editionInvitations.municipalityId, municipalityId))
		.groupBy(editions.id, editions.number, strategies.slug, strategies.title, strategies.position)
		.orderBy(asc(strategies.position), asc(editions.number))
		.limit(50);
}

export async function selectOrganisationsForInvitation(db: Executor, municipalityId: string, organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	return db
		.select({ id: organisations.id, name: organisations.name, email: organisations.email })
		.from(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), sql`${organisations.id} in ${organisationIds}`));
}

export async function insertInvitations(tx: Executor, rows: (typeof editionInvitations.$inferInsert)[]) {
	if (rows.length === 0) return [];
	// An organisation invited meanwhile by someone else keeps its first invitation.
	return tx.insert(editionInvitations).values(rows).onConflictDoNothing({ target: [editionInvitations.editionId, editionInvitations.organisationId] }).returning();
}

export async function lockInvitation(tx: Executor, municipalityId: string, invitationId: string) {
	const [row] = await tx
		.select()
		.from(editionInvitations)
		.where(and(eq(editionInvitations.municipalityId, municipalityId), eq(editionInvitations.id, invitationId)))
		.for('update')
		.limit(1);
	return row;
}

export async function lockInvitationByTokenHash(tx: Executor, tokenHash: string) {
	const [row] = await tx.select().from(editionInvitations).where(eq(editionInvitations.tokenHash, tokenHash)).for('update').limit(1);
	return row;
}

export async function updateInvitation(tx: Executor, invitationId: string, values: Partial<typeof editionInvitations.$inferInsert>) {
	const [row] = await tx.update(editionInvitations).set(values).where(eq(editionInvitations.id, invitationId)).returning();
	return row;
}

/** What the answer page and the mail show: organisation, edition, strategy and municipality. */
export async function selectInvitationContext(db: Executor, invitationId: string) {
	const [row] = await db
		.select({
			organisationName: organisations.name,
			organisationEmail: organisations.email,
			editionNumber: editions.number,
			periodStart: editions.periodStart,
			periodEnd: editions.periodEnd,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			timeZone: municipalities.timeZone
		})
		.from(editionInvitations)
		.innerJoin(organisations, eq(organisations.id, editionInvitations.organisationId))
		.innerJoin(editions, eq(editions.id, editionInvitations.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.innerJoin(municipalities, eq(municipalities.id, editionInvitations.municipalityId))
		.where(eq(editionInvitations.id, invitationId))
		.limit(1);
	return row;
}

export async function selectInvitationAnswersOfUser(db: Executor, userId: string) {
	return db
		.select({
			id: editionInvitations.id,
			organisation: organisations.name,
			editionNumber: editions.number,
			strategy: strategies.title,
			status: editionInvitations.status,
			respondedAt: editionInvitations.respondedAt,
			responseMessage: editionInvitations.responseMessage
		})
		.from(editionInvitations)
		.innerJoin(organisations, eq(organisations.id, editionInvitations.organisationId))
		.innerJoin(editions, eq(editions.id, editionInvitations.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(eq(editionInvitations.respondedByUserId, userId))
		.limit(1000);
}

export type { InvitationStatus };

export async function selectInvitationByTokenHash(db: Executor, tokenHash: string) {
	const [row] = await db.select().from(editionInvitations).where(eq(editionInvitations.tokenHash, tokenHash)).limit(1);
	return row;
}

export async function selectEditionsOfMunicipality(db: Executor, municipalityId: string) {
	return db
		.select({ number: editions.number, strategySlug: strategies.slug, strategyTitle: strategies.title })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(eq(editions.municipalityId, municipalityId))
		.orderBy(asc(strategies.position), asc(strategies.title), asc(editions.number))
		.limit(100);
}

/** The first organisations of a municipality by name, for the demo's invitation round. */
export async function selectOrganisationIdsByName(db: Executor, municipalityId: string, limit: number) {
	return db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.municipalityId, municipalityId))
		.orderBy(asc(sql`lower(${organisations.name})`))
		.limit(limit);
}
