import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions } from '../document/document.schema';
import type { OrganisationSector } from '../people/organisation.schema';
import { editionOfflineCounts } from './figures.schema';

export type OfflineCountRow = { id: string; label: string; people: number; note: string; countedOn: string };

export type FiguresRow = {
	people: number;
	organisations: number;
	workshops: number;
	meetings: number;
	ideas: number;
	comments: number;
	sectors: { sector: OrganisationSector; organisations: number }[];
	fields: { fieldId: string; title: string; ideas: number; events: number }[];
	offline: OfflineCountRow[];
};

/**
 * The people who took part in an edition and the organisations they represent, as common table
 * expressions (edition_events, held, visible_ideas, visible_comments, visible_document_comments, participants,
 * represented, …)
 * for the statements below. The counting rules are explained in figures.service.ts.
 */
const participationOf = (municipalityId: string, editionId: string, now: Date) => sql`
		edition_events as (
			select e.id, e.type, e.ends_at from events e
			where e.municipality_id = ${municipalityId} and e.edition_id = ${editionId} and e.status <> 'cancelled'
		),
		held as (
			select id, type from edition_events where ends_at <= ${now.toISOString()}::timestamptz
		),
		attendance as (
			select
				coalesce('e:' || lower(u.email), 'e:' || lower(nullif(r.email, '')), 'r:' || r.id::text) as key,
				coalesce(lower(u.email), lower(nullif(r.email, ''))) as email,
				r.user_id
			from event_registrations r
			join edition_events e on e.id = r.event_id
			left join auth_users u on u.id = r.user_id
			where r.municipality_id = ${municipalityId} and r.attended
		),
		visible_ideas as (
			select i.id, i.field_id, i.author_user_id, i.organisation_id from ideas i
			where i.municipality_id = ${municipalityId} and i.edition_id = ${editionId} and i.hidden_reason is null
		),
		visible_comments as (
			select c.author_user_id from idea_comments c
			join visible_ideas i on i.id = c.idea_id
			where c.municipality_id = ${municipalityId} and c.hidden_reason is null
		),
		visible_document_comments as (
			select d.author_user_id from document_comments d
			where d.municipality_id = ${municipalityId} and d.edition_id = ${editionId} and d.hidden_reason is null
		),
		contributors as (
			select author_user_id as user_id from visible_ideas where author_user_id is not null
			union
			select author_user_id from visible_comments where author_user_id is not null
			union
			select author_user_id from visible_document_comments where author_user_id is not null
			union
			select s.user_id from idea_supports s join visible_ideas i on i.id = s.idea_id where s.municipality_id = ${municipalityId}
		),
		participants as (
			select key, email, user_id from attendance
			union all
			select 'e:' || lower(u.email), lower(u.email), u.id from contributors c join auth_users u on u.id = c.user_id
		),
		participating_people as (
			select p.id from people p join participants pa on pa.user_id = p.user_id where p.municipality_id = ${municipalityId}
			union
			select p.id from people p join participants pa on lower(p.email) = pa.email where p.municipality_id = ${municipalityId}
		),
		represented as (
			select m.organisation_id from organisation_memberships m
			join participating_people pp on pp.id = m.person_id
			where m.municipality_id = ${municipalityId}
			union
			select organisation_id from visible_ideas where organisation_id is not null
		)`;

/**
 * Every figure of one edition in a single statement; the counting rules are explained in
 * figures.service.ts. Each part is scoped by municipality as well as by edition, so a foreign id
 * that slipped into a row of another table never adds to this municipality's numbers.
 */
export async function selectEditionFigures(db: Executor, municipalityId: string, editionId: string, now: Date): Promise<FiguresRow> {
	const result = await db.execute<FiguresRow>(sql`
		with ${participationOf(municipalityId, editionId, now)},
		by_sector as (
			select o.sector, count(*)::int as organisations from represented r
			join organisations o on o.id = r.organisation_id and o.municipality_id = ${municipalityId}
			group by o.sector
		),
		ideas_by_field as (
			select field_id, count(*)::int as n from visible_ideas group by field_id
		),
		events_by_field as (
			select ef.field_id, count(*)::int as n from event_fields ef
			join held h on h.id = ef.event_id
			where ef.municipality_id = ${municipalityId}
			group by ef.field_id
		),
		by_field as (
			select f.id, f.title, f.position, coalesce(i.n, 0) as ideas, coalesce(e.n, 0) as events from fields f
			left join ideas_by_field i on i.field_id = f.id
			left join events_by_field e on e.field_id = f.id
			where f.municipality_id = ${municipalityId} and f.edition_id = ${editionId}
		)
		select
			(select count(distinct key) from participants)::int as "people",
			(select coalesce(sum(organisations), 0) from by_sector)::int as "organisations",
			(select count(*) from held where type <> 'working_group_meeting')::int as "workshops",
			(select count(*) from held where type = 'working_group_meeting')::int as "meetings",
			(select count(*) from visible_ideas)::int as "ideas",
			((select count(*) from visible_comments) + (select count(*) from visible_document_comments))::int as "comments",
			(select coalesce(json_agg(json_build_object('sector', sector, 'organisations', organisations)), '[]'::json) from by_sector) as "sectors",
			(select coalesce(json_agg(json_build_object('fieldId', id, 'title', title, 'ideas', ideas, 'events', events) order by position, title), '[]'::json) from by_field) as "fields",
			(
				select coalesce(json_agg(json_build_object('id', id, 'label', label, 'people', people, 'note', note, 'countedOn', counted_on) order by counted_on, created_at), '[]'::json)
				from edition_offline_counts
				where municipality_id = ${municipalityId} and edition_id = ${editionId}
			) as "offline"
	`);
	return result.rows[0];
}

export async function selectEditionOfMunicipality(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ id: editions.id })
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)));
	return row;
}

export async function insertOfflineCount(db: Executor, row: typeof editionOfflineCounts.$inferInsert) {
	const [stored] = await db.insert(editionOfflineCounts).values(row).returning();
	return stored;
}

export async function deleteOfflineCountRow(db: Executor, municipalityId: string, editionId: string, id: string) {
	const [removed] = await db
		.delete(editionOfflineCounts)
		.where(and(eq(editionOfflineCounts.municipalityId, municipalityId), eq(editionOfflineCounts.editionId, editionId), eq(editionOfflineCounts.id, id)))
		.returning();
	return removed;
}

/** The organisations represented in an edition (as counted in its figures), by name. */
export async function selectRepresentedOrganisations(db: Executor, municipalityId: string, editionId: string, now: Date) {
	const result = await db.execute<{ name: string; sector: OrganisationSector }>(sql`
		with ${participationOf(municipalityId, editionId, now)}
		select o.name, o.sector from organisations o
		where o.municipality_id = ${municipalityId} and o.id in (select organisation_id from represented)
		order by o.name
		limit 2000
	`);
	return result.rows;
}
